"""Finnish, Swedish and Vietnamese for the applications list's bulk chooser loaded when it is
opened (issue 15, session 23, branch list15): the button that opens the choices and the
no-JavaScript page that shows them with the selection. Same format as
``reject16_strings.py`` (``T``: msgid or (context, msgid) → (fi, sv, vi); ``PLURALS``)."""

T = {
"Choose the action": ("Valitse toiminto", "Välj åtgärd", "Chọn thao tác"),
"All applications matching the filter": ("Kaikki suodatinta vastaavat hakemukset",
                                         "Alla ansökningar som matchar filtret",
                                         "Tất cả hồ sơ khớp với bộ lọc"),
}

PLURALS = {
    ("%(num)d application selected", "%(num)d applications selected"): (
        ("%(num)d hakemus valittu", "%(num)d hakemusta valittu"),
        ("%(num)d ansökan vald", "%(num)d ansökningar valda"),
        ("Đã chọn %(num)d hồ sơ",)),
}
