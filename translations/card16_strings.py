"""Finnish, Swedish and Vietnamese for the card's ⋯ menu entries and the board's new-activity
mark (issue 16, items 3 and 7). Same format as ``reject16_strings.py`` (``T``: msgid or
(context, msgid) → (fi, sv, vi); ``PLURALS``)."""

T = {
# the card's ⋯ menu
"Move to stage…": ("Siirrä vaiheeseen…", "Flytta till steg…", "Chuyển sang giai đoạn…"),
"Merge with a duplicate…": ("Yhdistä kaksoiskappaleeseen…", "Slå ihop med en dubblett…",
                            "Gộp với hồ sơ trùng lặp…"),
"Export data (ZIP)": ("Vie tiedot (ZIP)", "Exportera uppgifter (ZIP)", "Xuất dữ liệu (ZIP)"),
# the board's chips
"New activity since you last opened it": ("Uutta sen jälkeen, kun avasit hakemuksen viimeksi",
                                          "Nytt sedan du senast öppnade den",
                                          "Có hoạt động mới kể từ lần cuối bạn mở"),
}

PLURALS = {}
