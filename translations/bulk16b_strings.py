"""Finnish, Swedish and Vietnamese for the rest of the bulk actions (issue 16, item 2): bulk
tags, the board's selection and bulk bar, the "ask" step of a move across jobs, the progress.
Format: see translations/candidate_strings.py."""

T = {
# errors and skip reasons
"Choose one of the tags, or type a new one.": (
    "Valitse jokin tunnisteista tai kirjoita uusi.", "Välj en av taggarna eller skriv en ny.",
    "Hãy chọn một nhãn hoặc nhập nhãn mới."),
"Already has that tag.": ("Tunniste on jo hakemuksella.", "Har redan den taggen.", "Đã có nhãn đó."),
"Did not have that tag.": ("Hakemuksella ei ollut tunnistetta.", "Hade inte den taggen.", "Không có nhãn đó."),
"Choose one of that job's stages, or skip it.": (
    "Valitse jokin tehtävän vaiheista tai ohita se.", "Välj ett av tjänstens steg eller hoppa över den.",
    "Hãy chọn một giai đoạn của vị trí đó, hoặc bỏ qua."),
# the bulk form
"Remove a tag": ("Poista tunniste", "Ta bort en tagg", "Gỡ nhãn"),
"A new tag (type its name)": ("Uusi tunniste (kirjoita nimi)", "En ny tagg (skriv namnet)",
                              "Nhãn mới (nhập tên)"),
"New tag": ("Uusi tunniste", "Ny tagg", "Nhãn mới"),
"Across jobs, the stage of the same name in each job; for a job without one you choose another of its stages, "
"or skip it.": (
    "Eri tehtävissä kunkin tehtävän samanniminen vaihe; jos tehtävässä sellaista ei ole, valitset sen toisen "
    "vaiheen tai ohitat sen.",
    "Över flera tjänster används steget med samma namn i varje tjänst; saknar en tjänst det väljer du ett annat "
    "av dess steg eller hoppar över den.",
    "Với nhiều vị trí, dùng giai đoạn cùng tên trong từng vị trí; nếu vị trí nào không có, bạn chọn một giai "
    "đoạn khác của vị trí đó hoặc bỏ qua."),
"Checked applications and columns": ("Valitut hakemukset ja sarakkeet", "Markerade ansökningar och kolumner",
                                     "Các hồ sơ và cột đã chọn"),
"Select all in %(stage)s": ("Valitse kaikki vaiheesta %(stage)s", "Markera alla i steget %(stage)s",
                            "Chọn tất cả trong %(stage)s"),
# the ask step
"Move to “%(stage)s”": ("Siirrä vaiheeseen ”%(stage)s”", "Flytta till ”%(stage)s”",
                        "Chuyển sang “%(stage)s”"),
"Skip: leave them where they are": ("Ohita: jätä ne nykyiseen vaiheeseen", "Hoppa över: låt dem vara kvar",
                                    "Bỏ qua: giữ nguyên chỗ cũ"),
# the progress
"Adding a tag": ("Lisätään tunnistetta", "Lägger till en tagg", "Đang gắn nhãn"),
"Removing a tag": ("Poistetaan tunnistetta", "Tar bort en tagg", "Đang gỡ nhãn"),
"Show the changes": ("Näytä muutokset", "Visa ändringarna", "Xem thay đổi"),
}

PLURALS = {
    ("The %(num)d application of this job", "All %(num)d applications of this job"): (
        ("Tehtävän %(num)d hakemus", "Tehtävän kaikki %(num)d hakemusta"),
        ("Tjänstens %(num)d ansökan", "Tjänstens alla %(num)d ansökningar"),
        ("Tất cả %(num)d hồ sơ của vị trí này",)),
    ("This job has no stage “%(stage)s”. Choose where its applications go, or skip them.",
     "These jobs have no stage “%(stage)s”. Choose where their applications go, or skip them."): (
        ("Tässä tehtävässä ei ole vaihetta ”%(stage)s”. Valitse, mihin sen hakemukset siirretään, tai ohita ne.",
         "Näissä tehtävissä ei ole vaihetta ”%(stage)s”. Valitse, mihin niiden hakemukset siirretään, tai ohita ne."),
        ("Den här tjänsten har inget steg ”%(stage)s”. Välj vart dess ansökningar ska, eller hoppa över dem.",
         "De här tjänsterna har inget steg ”%(stage)s”. Välj vart deras ansökningar ska, eller hoppa över dem."),
        ("Các vị trí này không có giai đoạn “%(stage)s”. Hãy chọn nơi chuyển hồ sơ của chúng, hoặc bỏ qua.",)),
    ("%(num)d selected", "%(num)d selected"): (
        ("%(num)d valittu", "%(num)d valittua"),
        ("%(num)d markerad", "%(num)d markerade"),
        ("Đã chọn %(num)d",)),
    ("Move %(num)d application", "Move %(num)d applications"): (
        ("Siirrä %(num)d hakemus", "Siirrä %(num)d hakemusta"),
        ("Flytta %(num)d ansökan", "Flytta %(num)d ansökningar"),
        ("Chuyển %(num)d hồ sơ",)),
}
