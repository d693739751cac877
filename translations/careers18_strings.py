"""Finnish, Swedish and Vietnamese for the careers page's search and filters (issue 18,
item 2). Same format as ``candidate_strings.py``. Finnish "Search" is *Hae*, never *Haku*."""

T = {
"Search positions": ("Hae paikkoja", "Sök tjänster", "Tìm vị trí"),
"All locations": ("Kaikki sijainnit", "Alla orter", "Tất cả địa điểm"),
"All departments": ("Kaikki osastot", "Alla avdelningar", "Tất cả phòng ban"),
"All types": ("Kaikki tyypit", "Alla anställningsformer", "Tất cả hình thức"),
"Any workplace": ("Mikä tahansa työskentelypaikka", "Alla arbetsplatser", "Mọi nơi làm việc"),
"Show positions": ("Näytä paikat", "Visa tjänster", "Xem vị trí"),
"Clear the search": ("Tyhjennä hakuehdot", "Rensa sökningen", "Xóa tìm kiếm"),
"No open position matches your search.": ("Yksikään avoin paikka ei vastaa hakuehtojasi.",
                                          "Ingen ledig tjänst matchar din sökning.",
                                          "Không có vị trí nào phù hợp với tìm kiếm của bạn."),
"See the open positions at %(company)s": ("Katso avoimet paikat: %(company)s",
                                          "Se lediga tjänster hos %(company)s",
                                          "Xem các vị trí đang tuyển tại %(company)s"),
"Show all positions": ("Näytä kaikki paikat", "Visa alla tjänster", "Xem tất cả vị trí"),
}

PLURALS = {
    ("%(num)d position matches your search.", "%(num)d positions match your search."): (
        ("%(num)d paikka vastaa hakuehtojasi.", "%(num)d paikkaa vastaa hakuehtojasi."),
        ("%(num)d tjänst matchar din sökning.", "%(num)d tjänster matchar din sökning."),
        ("%(num)d vị trí phù hợp với tìm kiếm của bạn.",)),
}
