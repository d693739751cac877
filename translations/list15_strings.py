"""Finnish, Swedish and Vietnamese for the applications list's keyset pages (branch list15);
format as in translations/candidate_strings.py."""

T = {
"More than %(num)s applications": (
    "Yli %(num)s hakemusta", "Fler än %(num)s ansökningar", "Hơn %(num)s hồ sơ ứng tuyển"),
"That page link is no longer valid: here is the first page.": (
    "Sivulinkki ei ole enää voimassa. Tässä on ensimmäinen sivu.",
    "Sidlänken gäller inte längre. Här är första sidan.",
    "Liên kết trang này không còn hợp lệ. Đây là trang đầu tiên."),
}
