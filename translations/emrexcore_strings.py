"""Finnish, Swedish and Vietnamese for issue 12's EMREX strings of the parser and import
(expired-certificate policy, SHA-1 note, issuer check). Applied by `make messages`."""

T = {
"Your university's signing certificate has expired, so %(company)s cannot accept records signed with it. "
"Nothing was stored.": (
    "Korkeakoulusi allekirjoitusvarmenne on vanhentunut, joten %(company)s ei voi ottaa vastaan sillä "
    "allekirjoitettuja tietoja. Mitään ei tallennettu.",
    "Ditt lärosätes signeringscertifikat har gått ut, så %(company)s kan inte ta emot uppgifter som signerats med "
    "det. Inget sparades.",
    "Chứng thư ký số của trường bạn đã hết hạn, nên %(company)s không thể nhận dữ liệu được ký bằng chứng thư này. "
    "Chưa có gì được lưu."),
"Please tell your university's student services about it, and try again with the link in your email once they "
"have renewed it.": (
    "Kerro asiasta korkeakoulusi opintopalveluille ja yritä uudelleen sähköpostisi linkillä, kun varmenne on "
    "uusittu.",
    "Meddela ditt lärosätes studentservice och försök igen med länken i ditt e-postmeddelande när certifikatet har "
    "förnyats.",
    "Vui lòng báo cho phòng đào tạo của trường bạn, và thử lại bằng đường liên kết trong email khi chứng thư đã "
    "được gia hạn."),
"The registry certificate of the university had expired when the records arrived; the signature itself is "
"valid.": (
    "Korkeakoulun rekisterissä oleva varmenne oli vanhentunut, kun tiedot saapuivat; itse allekirjoitus on "
    "pätevä.",
    "Lärosätets certifikat i registret hade gått ut när uppgifterna kom; själva signaturen är giltig.",
    "Chứng thư của trường trong sổ đăng ký đã hết hạn khi dữ liệu được gửi đến; bản thân chữ ký vẫn hợp lệ."),
"Signed with SHA-1, an old algorithm that EMREX still allows. The signature is valid.": (
    "Allekirjoitettu SHA-1:llä, vanhalla algoritmilla, jonka EMREX yhä sallii. Allekirjoitus on pätevä.",
    "Signerad med SHA-1, en äldre algoritm som EMREX fortfarande tillåter. Signaturen är giltig.",
    "Được ký bằng SHA-1, một thuật toán cũ mà EMREX vẫn cho phép. Chữ ký hợp lệ."),
"PDF": ("PDF", "PDF", "PDF"),
"SHA-1 signature": ("SHA-1-allekirjoitus", "SHA-1-signatur", "Chữ ký SHA-1"),
"The candidate picked %(picked)s, but these records were issued by %(issuer)s. Check that this is the institution "
"you expected.": (
    "Hakija valitsi korkeakouluksi %(picked)s, mutta nämä tiedot on antanut %(issuer)s. Tarkista, että tämä on "
    "odottamasi korkeakoulu.",
    "Kandidaten valde %(picked)s, men uppgifterna är utfärdade av %(issuer)s. Kontrollera att det är det lärosäte "
    "du väntade dig.",
    "Ứng viên đã chọn %(picked)s, nhưng dữ liệu này do %(issuer)s cấp. Hãy kiểm tra đây có đúng là trường bạn mong "
    "đợi không."),
"university certificate expired": ("korkeakoulun varmenne vanhentunut", "lärosätets certifikat har gått ut",
                                   "chứng thư của trường đã hết hạn"),
}
