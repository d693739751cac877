"""Finnish, Swedish and Vietnamese for strings written while merging issue 13's branches."""

T = {
"Only an open job can be posted to TopCV: publish it first, with a deadline not passed.": (
    "TopCV:hen voi ilmoittaa vain avoimen tehtävän: julkaise se ensin, eikä sen hakuaika saa olla päättynyt.",
    "Bara en öppen tjänst kan publiceras på TopCV: publicera den först, med ett sista ansökningsdatum som inte har passerat.",
    "Chỉ vị trí đang mở mới có thể đăng lên TopCV: hãy công bố vị trí trước, với hạn nộp hồ sơ chưa qua."),
"Changed the company's language or time zone": (
    "Muutti yrityksen kielen tai aikavyöhykkeen", "Ändrade företagets språk eller tidszon",
    "Đã thay đổi ngôn ngữ hoặc múi giờ của công ty"),
}
