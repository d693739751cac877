"""Finnish, Swedish and Vietnamese for the names of the email templates Haku ships with, as
the admin and staff lists and the template pickers show them (issue 14: no English left on
an admin screen). The rows keep the English name; ``app/messaging/defaults.py`` ``NAMES``
translates it for the reader. Applied to the .po catalogues with the ``T`` of every other
``translations/*_strings.py``."""

T = {
"Application received": ("Hakemus vastaanotettu", "Ansökan mottagen", "Đã nhận hồ sơ ứng tuyển"),
"Application already received": (
    "Hakemus on jo vastaanotettu", "Ansökan har redan tagits emot", "Hồ sơ ứng tuyển đã được nhận trước đó"),
"Interview invitation": ("Haastattelukutsu", "Inbjudan till intervju", "Thư mời phỏng vấn"),
"Rejection": ("Hylkäysviesti", "Avslagsbesked", "Thư từ chối"),
"Notification to a team member": ("Ilmoitus tiimin jäsenelle", "Avisering till en teammedlem",
                                  "Thông báo cho thành viên nhóm"),
"EMREX: transfer your study records (standard)": (
    "EMREX: opintotietojen siirto (tavallinen)", "EMREX: överför dina studieresultat (standard)",
    "EMREX: chuyển kết quả học tập của bạn (tiêu chuẩn)"),
"EMREX: reminder": ("EMREX: muistutus", "EMREX: påminnelse", "EMREX: nhắc nhở"),
"Assessment: your test link (Alva Labs)": (
    "Arviointi: testilinkkisi (Alva Labs)", "Test: din testlänk (Alva Labs)",
    "Bài đánh giá: liên kết làm bài của bạn (Alva Labs)"),
"Team: invitation to Haku": ("Tiimi: kutsu Hakuun", "Team: inbjudan till Haku", "Nhóm: lời mời tham gia Haku"),
"Team: password reset link": (
    "Tiimi: salasanan vaihtolinkki", "Team: länk för lösenordsåterställning", "Nhóm: liên kết đặt lại mật khẩu"),
}
