def date_text(text, header=None): raise NotImplementedError
