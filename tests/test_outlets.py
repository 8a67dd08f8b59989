from newsdesk.outlets import canonical_outlets


def test_variants_fold_into_the_fullest_name():
    m = canonical_outlets(["Courier", "The Daily Courier", "dailycourier.example", "Valley Herald",
                           "Tessel Valley Herald", "tesselherald.example", "ENB News - Top Stories", "TopNewsHub24", "Topnewshub"])
    assert m["Courier"] == m["dailycourier.example"] == "The Daily Courier"
    assert m["Valley Herald"] == m["tesselherald.example"] == "Tessel Valley Herald"
    assert m["ENB News - Top Stories"] == "ENB News"
    assert m["Topnewshub"] == "TopNewsHub24"


def test_ambiguous_short_names_stay_apart():
    m = canonical_outlets(["Post", "Washington Post", "Kessing Evening Post", "Herald"])
    assert m["Post"] == "Post"
    assert m["Washington Post"] == "Washington Post" and m["Kessing Evening Post"] == "Kessing Evening Post"
