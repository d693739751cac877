"""Finnish, Swedish and Vietnamese for strings added while merging session 22's branches
(applied by ``python translations/candidate_strings.py``; see that file for the format)."""

T = {
"the job of this TopCV posting (“%(title)s”) is closed": (
    "tämän TopCV-ilmoituksen tehtävä (”%(title)s”) on suljettu",
    "tjänsten för den här TopCV-annonsen (”%(title)s”) är stängd",
    "vị trí của tin đăng TopCV này (“%(title)s”) đã đóng"),
"TopCV sent no job title and no known posting": (
    "TopCV ei lähettänyt tehtävänimikettä eikä tunnettua ilmoitusta",
    "TopCV skickade ingen tjänstetitel och ingen känd annons",
    "TopCV không gửi chức danh và không có tin đăng nào đã biết"),
"%(count)s open jobs have the title “%(title)s”": (
    "%(count)s avoimella tehtävällä on nimike ”%(title)s”",
    "%(count)s öppna tjänster har titeln ”%(title)s”",
    "%(count)s vị trí đang mở có chức danh “%(title)s”"),
"no TopCV posting and no open job titled “%(title)s”": (
    "ei TopCV-ilmoitusta eikä avointa tehtävää nimikkeellä ”%(title)s”",
    "ingen TopCV-annons och ingen öppen tjänst med titeln ”%(title)s”",
    "không có tin đăng TopCV và không có vị trí đang mở nào mang chức danh “%(title)s”"),
}
