"""The global default email templates Haku ships with (staff can edit them)."""

from flask_babel import lazy_gettext as _l

DEFAULT_TEMPLATES = [
    {
        "key": "application_received",
        "name": "Application received",
        "translations": {
            "en": ("We received your application: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThank you for applying for {{ job_title }} at "
                   "{{ company_name }}. We will be in touch.\n\nThe job: {{ job_url }}\n\n{{ company_name }}\n"),
            "fi": ("Hakemuksesi on vastaanotettu: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nKiitos hakemuksestasi tehtävään {{ job_title }} "
                   "({{ company_name }}). Olemme yhteydessä.\n\nTehtävä: {{ job_url }}\n\n{{ company_name }}\n"),
            "sv": ("Vi har tagit emot din ansökan: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nTack för din ansökan till {{ job_title }} hos "
                   "{{ company_name }}. Vi hör av oss.\n\nTjänsten: {{ job_url }}\n\n{{ company_name }}\n"),
            "vi": ("Chúng tôi đã nhận được hồ sơ của bạn: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nCảm ơn bạn đã ứng tuyển vị trí {{ job_title }} tại "
                   "{{ company_name }}. Chúng tôi sẽ liên hệ với bạn.\n\nVị trí: {{ job_url }}\n\n{{ company_name }}\n"),
        },
    },
    {
        # Sent when the careers form brings a second application to the same job: the same
        # page answers the applicant, and this tells the address on file. Plain {{ field }}
        # merge fields only.
        "key": "application_duplicate",
        "name": "Application already received",
        "translations": {
            "en": ("We already have your application: {{ job_title }}",
                   ("Hello {{ candidate_given_name }},\n\nWe received another application for {{ job_title }} at "
                   "{{ company_name }} with this email address. Your application is already with us, so there "
                   "is nothing more you need to do: we keep the one we have and will be in touch.\n\nIf you "
                   "did not send it, you can ignore this email. Your details have not been changed.\n\n"
                   "The job: {{ job_url }}\n\n{{ company_name }}\n")),
            "fi": ("Hakemuksesi on jo meillä: {{ job_title }}",
                   ("Hei {{ candidate_given_name }},\n\nSaimme tällä sähköpostiosoitteella uuden hakemuksen "
                   "tehtävään {{ job_title }} ({{ company_name }}). Hakemuksesi on jo meillä, joten sinun ei "
                   "tarvitse tehdä mitään: säilytämme aiemman hakemuksesi ja olemme yhteydessä.\n\nJos et "
                   "lähettänyt hakemusta, voit jättää tämän viestin huomiotta. Tietojasi ei ole muutettu.\n\n"
                   "Tehtävä: {{ job_url }}\n\n{{ company_name }}\n")),
            "sv": ("Vi har redan din ansökan: {{ job_title }}",
                   ("Hej {{ candidate_given_name }},\n\nVi har fått ytterligare en ansökan till {{ job_title }} "
                   "hos {{ company_name }} från den här e-postadressen. Din ansökan finns redan hos oss, så du "
                   "behöver inte göra något mer: vi behåller den vi har och hör av oss.\n\nOm det inte var du "
                   "som skickade den kan du bortse från det här mejlet. Dina uppgifter har inte ändrats.\n\n"
                   "Tjänsten: {{ job_url }}\n\n{{ company_name }}\n")),
            "vi": ("Chúng tôi đã có hồ sơ của bạn: {{ job_title }}",
                   ("Xin chào {{ candidate_given_name }},\n\nChúng tôi vừa nhận thêm một hồ sơ ứng tuyển vị trí "
                   "{{ job_title }} tại {{ company_name }} từ địa chỉ email này. Hồ sơ của bạn đã có trong hệ "
                   "thống, nên bạn không cần làm gì thêm: chúng tôi giữ hồ sơ hiện có và sẽ liên hệ với bạn."
                   "\n\nNếu bạn không gửi hồ sơ này, bạn có thể bỏ qua email này. Thông tin của bạn không bị "
                   "thay đổi.\n\nVị trí: {{ job_url }}\n\n{{ company_name }}\n")),
        },
    },
    {
        # Sent when a time is booked (by a recruiter, or by the candidate with the
        # self-scheduling link), with the calendar invitation (invite.ics) attached.
        "key": "interview_invitation",
        "name": "Interview invitation",
        "translations": {
            "en": ("Interview: {{ job_title }} at {{ company_name }}",
                   "Hello {{ candidate_given_name }},\n\nWe would like to invite you to an interview for "
                   "{{ job_title }}.\n\nTime: {{ interview_time }}\nWhere: {{ interview_place }}\n\nThe "
                   "calendar invitation is attached. To change or cancel the time: {{ link }}\n\n"
                   "{{ company_name }}\n"),
            "fi": ("Haastattelukutsu: {{ job_title }}, {{ company_name }}",
                   "Hei {{ candidate_given_name }},\n\nHaluamme kutsua sinut haastatteluun tehtävään "
                   "{{ job_title }}.\n\nAika: {{ interview_time }}\nPaikka: {{ interview_place }}\n\n"
                   "Kalenterikutsu on liitteenä. Voit muuttaa tai perua ajan täällä: {{ link }}\n\n"
                   "{{ company_name }}\n"),
            "sv": ("Intervju: {{ job_title }} hos {{ company_name }}",
                   "Hej {{ candidate_given_name }},\n\nVi vill gärna bjuda in dig till en intervju för "
                   "{{ job_title }}.\n\nTid: {{ interview_time }}\nPlats: {{ interview_place }}\n\n"
                   "Kalenderinbjudan finns som bilaga. Ändra eller avboka tiden här: {{ link }}\n\n"
                   "{{ company_name }}\n"),
            "vi": ("Thư mời phỏng vấn: {{ job_title }} tại {{ company_name }}",
                   "Xin chào {{ candidate_given_name }},\n\nChúng tôi trân trọng mời bạn tham gia phỏng vấn cho "
                   "vị trí {{ job_title }}.\n\nThời gian: {{ interview_time }}\nĐịa điểm: {{ interview_place }}"
                   "\n\nLời mời lịch được đính kèm. Để đổi hoặc hủy lịch hẹn: {{ link }}\n\n"
                   "{{ company_name }}\n"),
        },
    },
    {
        "key": "interview_rescheduled",
        "name": "Interview: new time",
        "translations": {
            "en": ("New time for your interview: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThe time of your interview for {{ job_title }} has "
                   "changed.\n\nNew time: {{ interview_time }}\nWhere: {{ interview_place }}\n\nThe updated "
                   "calendar invitation is attached. To change or cancel the time: {{ link }}\n\n"
                   "{{ company_name }}\n"),
            "fi": ("Haastattelusi uusi aika: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nHaastattelusi aika tehtävään {{ job_title }} on "
                   "muuttunut.\n\nUusi aika: {{ interview_time }}\nPaikka: {{ interview_place }}\n\n"
                   "Päivitetty kalenterikutsu on liitteenä. Voit muuttaa tai perua ajan täällä: {{ link }}"
                   "\n\n{{ company_name }}\n"),
            "sv": ("Ny tid för din intervju: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nTiden för din intervju för {{ job_title }} har "
                   "ändrats.\n\nNy tid: {{ interview_time }}\nPlats: {{ interview_place }}\n\nDen "
                   "uppdaterade kalenderinbjudan finns som bilaga. Ändra eller avboka tiden här: {{ link }}"
                   "\n\n{{ company_name }}\n"),
            "vi": ("Thời gian phỏng vấn mới: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nThời gian phỏng vấn vị trí {{ job_title }} của bạn "
                   "đã thay đổi.\n\nThời gian mới: {{ interview_time }}\nĐịa điểm: {{ interview_place }}\n\n"
                   "Lời mời lịch đã cập nhật được đính kèm. Để đổi hoặc hủy lịch hẹn: {{ link }}\n\n"
                   "{{ company_name }}\n"),
        },
    },
    {
        "key": "interview_cancelled",
        "name": "Interview: cancelled",
        "translations": {
            "en": ("Interview cancelled: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nYour interview for {{ job_title }} on "
                   "{{ interview_time }} has been cancelled. The calendar update is attached.\n\n"
                   "{{ company_name }}\n"),
            "fi": ("Haastattelu peruttu: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nHaastattelusi tehtävään {{ job_title }} "
                   "({{ interview_time }}) on peruttu. Kalenterin päivitys on liitteenä.\n\n"
                   "{{ company_name }}\n"),
            "sv": ("Intervjun är inställd: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nDin intervju för {{ job_title }} den "
                   "{{ interview_time }} är inställd. Kalenderuppdateringen finns som bilaga.\n\n"
                   "{{ company_name }}\n"),
            "vi": ("Buổi phỏng vấn đã bị hủy: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nBuổi phỏng vấn vị trí {{ job_title }} của bạn vào "
                   "{{ interview_time }} đã bị hủy. Bản cập nhật lịch được đính kèm.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "interview_scheduling_link",
        "name": "Interview: choose your time",
        "translations": {
            "en": ("Choose a time for your interview: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nWe would like to invite you to an interview for "
                   "{{ job_title }}. Please choose the time that suits you best: {{ link }}\n\nThe page shows "
                   "the free times in your own time zone.\n\n{{ company_name }}\n"),
            "fi": ("Valitse haastatteluaika: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nHaluamme kutsua sinut haastatteluun tehtävään "
                   "{{ job_title }}. Valitse itsellesi sopivin aika täältä: {{ link }}\n\nSivu näyttää "
                   "vapaat ajat omalla aikavyöhykkeelläsi.\n\n{{ company_name }}\n"),
            "sv": ("Välj en tid för din intervju: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nVi vill gärna bjuda in dig till en intervju för "
                   "{{ job_title }}. Välj den tid som passar dig bäst: {{ link }}\n\nSidan visar de lediga "
                   "tiderna i din egen tidszon.\n\n{{ company_name }}\n"),
            "vi": ("Chọn thời gian phỏng vấn: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nChúng tôi trân trọng mời bạn tham gia phỏng vấn cho "
                   "vị trí {{ job_title }}. Vui lòng chọn thời gian phù hợp nhất với bạn: {{ link }}\n\n"
                   "Trang này hiển thị các khung giờ trống theo múi giờ của bạn.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "interview_reminder",
        "name": "Interview: reminder",
        "translations": {
            "en": ("Reminder: your interview for {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nA reminder of your interview for {{ job_title }}."
                   "\n\nTime: {{ interview_time }}\nWhere: {{ interview_place }}\n\n{{ company_name }}\n"),
            "fi": ("Muistutus: haastattelusi tehtävään {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nMuistutus haastattelustasi tehtävään {{ job_title }}."
                   "\n\nAika: {{ interview_time }}\nPaikka: {{ interview_place }}\n\n{{ company_name }}\n"),
            "sv": ("Påminnelse: din intervju för {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nEn påminnelse om din intervju för {{ job_title }}."
                   "\n\nTid: {{ interview_time }}\nPlats: {{ interview_place }}\n\n{{ company_name }}\n"),
            "vi": ("Nhắc lịch phỏng vấn vị trí {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nXin nhắc bạn về buổi phỏng vấn vị trí {{ job_title }}."
                   "\n\nThời gian: {{ interview_time }}\nĐịa điểm: {{ interview_place }}\n\n"
                   "{{ company_name }}\n"),
        },
    },
    {
        "key": "rejection",
        "name": "Rejection",
        "translations": {
            "en": ("Your application for {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThank you for your interest in {{ job_title }}. "
                   "We have decided to move forward with other candidates.\n\n{{ company_name }}\n"),
            "fi": ("Hakemuksesi tehtävään {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nKiitos kiinnostuksestasi tehtävää {{ job_title }} kohtaan. "
                   "Olemme päättäneet jatkaa rekrytointia muiden hakijoiden kanssa.\n\n{{ company_name }}\n"),
            "sv": ("Din ansökan till {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nTack för ditt intresse för {{ job_title }}. "
                   "Vi har beslutat att gå vidare med andra kandidater.\n\n{{ company_name }}\n"),
            "vi": ("Hồ sơ ứng tuyển vị trí {{ job_title }} của bạn",
                   "Xin chào {{ candidate_given_name }},\n\nCảm ơn bạn đã quan tâm đến vị trí {{ job_title }}. "
                   "Chúng tôi đã quyết định tiếp tục với các ứng viên khác.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "notification",
        "name": "Notification to a team member",
        "translations": {
            # The title and link of the notification itself: no words of its own to translate.
            "en": ("{{ job_title }}", "{{ link }}\n"),
            "fi": ("{{ job_title }}", "{{ link }}\n"),
            "sv": ("{{ job_title }}", "{{ link }}\n"),
            "vi": ("{{ job_title }}", "{{ link }}\n"),
        },
    },
    {
        "key": "emrex_invite",
        "name": "EMREX: transfer your study records (standard)",
        "translations": {
            "en": ("{{ company_name }} asks for your study records: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThank you for applying for {{ job_title }}. You can send us "
                   "your study records straight from your university with EMREX: they arrive signed by the "
                   "university, so you do not need to upload certificates.\n\nStart here: {{ link }}\n\n"
                   "You choose your country and university, log in there and pick what to share. If you do not "
                   "want to share your records, the same page has a link to say no.\n\n{{ company_name }}\n"),
            "fi": ("{{ company_name }} pyytää opintotietojasi: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nKiitos hakemuksestasi tehtävään {{ job_title }}. Voit "
                   "lähettää opintotietosi suoraan korkeakoulustasi EMREX-palvelulla: ne tulevat korkeakoulun "
                   "allekirjoittamina, joten todistuksia ei tarvitse ladata.\n\nAloita tästä: {{ link }}\n\n"
                   "Valitset maan ja korkeakoulun, kirjaudut sinne ja valitset, mitä jaat. Jos et halua jakaa "
                   "tietojasi, samalla sivulla on linkki kieltäytymiseen.\n\n{{ company_name }}\n"),
            "sv": ("{{ company_name }} ber om dina studieresultat: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nTack för din ansökan till {{ job_title }}. Du kan skicka "
                   "dina studieresultat direkt från ditt lärosäte med EMREX: de kommer signerade av lärosätet, så "
                   "du behöver inte ladda upp intyg.\n\nBörja här: {{ link }}\n\nDu väljer land och lärosäte, "
                   "loggar in där och väljer vad du delar. Vill du inte dela dina resultat finns en länk för att "
                   "tacka nej på samma sida.\n\n{{ company_name }}\n"),
            "vi": ("{{ company_name }} đề nghị bạn chia sẻ kết quả học tập: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nCảm ơn bạn đã ứng tuyển vị trí {{ job_title }}. Bạn có "
                   "thể gửi kết quả học tập trực tiếp từ trường của mình qua EMREX: dữ liệu được trường ký xác "
                   "nhận, nên bạn không cần tải lên bằng cấp.\n\nBắt đầu tại đây: {{ link }}\n\nBạn chọn quốc "
                   "gia và trường, đăng nhập tại đó và chọn nội dung muốn chia sẻ. Nếu không muốn chia sẻ, trang "
                   "này cũng có liên kết để từ chối.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "emrex_reminder",
        "name": "EMREX: reminder",
        "translations": {
            "en": ("Reminder: your study records for {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nA reminder that you can still send your study records "
                   "for {{ job_title }} with EMREX: {{ link }}\n\n{{ company_name }}\n"),
            "fi": ("Muistutus: opintotietosi tehtävään {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nMuistutuksena: voit yhä lähettää opintotietosi tehtävään "
                   "{{ job_title }} EMREX-palvelulla: {{ link }}\n\n{{ company_name }}\n"),
            "sv": ("Påminnelse: dina studieresultat för {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nEn påminnelse om att du fortfarande kan skicka dina "
                   "studieresultat för {{ job_title }} med EMREX: {{ link }}\n\n{{ company_name }}\n"),
            "vi": ("Nhắc nhở: kết quả học tập cho vị trí {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nBạn vẫn có thể gửi kết quả học tập cho vị trí "
                   "{{ job_title }} qua EMREX: {{ link }}\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "assessment_invite",
        "name": "Assessment: your test link (Alva Labs)",
        "translations": {
            "en": ("{{ company_name }}: an assessment for {{ job_title }}",
                   ("Hello {{ candidate_given_name }},\n\nThank you for applying for {{ job_title }} at "
                   "{{ company_name }}. As the next step we ask you to take a short online assessment from our "
                   "partner Alva Labs.\n\nStart the test here: {{ link }}\n\nThe link is personal. Your result "
                   "is sent to us when you finish.\n\n{{ company_name }}\n")),
            "fi": ("{{ company_name }}: arviointitesti tehtävään {{ job_title }}",
                   ("Hei {{ candidate_given_name }},\n\nKiitos hakemuksestasi tehtävään {{ job_title }} "
                   "({{ company_name }}). Seuraavaksi pyydämme sinua tekemään lyhyen verkkotestin "
                   "kumppanimme Alva Labsin palvelussa.\n\nAloita testi tästä: {{ link }}\n\nLinkki on "
                   "henkilökohtainen. Tuloksesi tulee meille, kun olet valmis.\n\n{{ company_name }}\n")),
            "sv": ("{{ company_name }}: ett test för {{ job_title }}",
                   ("Hej {{ candidate_given_name }},\n\nTack för din ansökan till {{ job_title }} hos "
                   "{{ company_name }}. Som nästa steg ber vi dig göra ett kort onlinetest hos vår partner "
                   "Alva Labs.\n\nStarta testet här: {{ link }}\n\nLänken är personlig. Ditt resultat skickas "
                   "till oss när du är klar.\n\n{{ company_name }}\n")),
            "vi": ("{{ company_name }}: bài đánh giá cho vị trí {{ job_title }}",
                   ("Xin chào {{ candidate_given_name }},\n\nCảm ơn bạn đã ứng tuyển vị trí {{ job_title }} tại "
                   "{{ company_name }}. Bước tiếp theo, chúng tôi mời bạn làm một bài đánh giá trực tuyến ngắn "
                   "của đối tác Alva Labs.\n\nBắt đầu bài đánh giá tại đây: {{ link }}\n\nĐường liên kết này là "
                   "của riêng bạn. Kết quả sẽ được gửi cho chúng tôi khi bạn hoàn thành.\n\n{{ company_name }}\n")),
        },
    },
    {
        # Team members (not candidates): the set-password link of an invitation. Plain
        # {{ field }} merge fields only.
        "key": "user_invitation",
        "name": "Team: invitation to Haku",
        "translations": {
            "en": ("You are invited to {{ company_name }} on Haku",
                   ("Hello,\n\nYou have been invited to use Haku, the applicant tracking system of "
                   "{{ company_name }}.\n\nChoose your password here to get started: {{ link }}\n\nThe link "
                   "works once and for 7 days. If you did not expect this invitation, you can ignore this email."
                   "\n\nHaku\n")),
            "fi": ("Sinut on kutsuttu Hakuun: {{ company_name }}",
                   ("Hei,\n\nSinut on kutsuttu käyttämään Hakua, organisaation {{ company_name }} "
                   "rekrytointijärjestelmää.\n\nAloita valitsemalla salasanasi tästä: {{ link }}\n\nLinkki "
                   "toimii kerran ja on voimassa 7 päivää. Jos et odottanut tätä kutsua, voit jättää viestin "
                   "huomiotta.\n\nHaku\n")),
            "sv": ("Du är inbjuden till {{ company_name }} i Haku",
                   ("Hej,\n\nDu har bjudits in att använda Haku, rekryteringssystemet hos {{ company_name }}."
                   "\n\nKom igång genom att välja ditt lösenord här: {{ link }}\n\nLänken fungerar en gång och "
                   "gäller i 7 dagar. Om du inte väntade dig inbjudan kan du bortse från det här mejlet.\n\nHaku\n")),
            "vi": ("Bạn được mời tham gia {{ company_name }} trên Haku",
                   ("Xin chào,\n\nBạn được mời sử dụng Haku, hệ thống quản lý tuyển dụng của {{ company_name }}."
                   "\n\nHãy bắt đầu bằng cách đặt mật khẩu tại đây: {{ link }}\n\nLiên kết chỉ dùng được một lần "
                   "và có hiệu lực trong 7 ngày. Nếu bạn không chờ đợi lời mời này, bạn có thể bỏ qua email này."
                   "\n\nHaku\n")),
        },
    },
    {
        "key": "password_reset",
        "name": "Team: password reset link",
        "translations": {
            "en": ("Reset your Haku password",
                   ("Hello,\n\nSomeone (we hope you) asked to reset the password of your Haku account at "
                   "{{ company_name }}.\n\nChoose a new password here: {{ link }}\n\nThe link works once and "
                   "for 1 hour. If you did not ask for this, you can ignore this email: your password stays as it "
                   "is.\n\nHaku\n")),
            "fi": ("Haku-salasanan vaihtaminen",
                   ("Hei,\n\nJoku (toivottavasti sinä) pyysi vaihtamaan Haku-tilisi salasanan "
                   "({{ company_name }}).\n\nValitse uusi salasana tästä: {{ link }}\n\nLinkki toimii kerran ja "
                   "on voimassa tunnin. Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanasi pysyy "
                   "ennallaan.\n\nHaku\n")),
            "sv": ("Återställ ditt lösenord i Haku",
                   ("Hej,\n\nNågon (förhoppningsvis du) bad om att återställa lösenordet till ditt Haku-konto hos "
                   "{{ company_name }}.\n\nVälj ett nytt lösenord här: {{ link }}\n\nLänken fungerar en gång och "
                   "gäller i en timme. Om du inte bad om detta kan du bortse från mejlet: ditt lösenord förblir "
                   "oförändrat.\n\nHaku\n")),
            "vi": ("Đặt lại mật khẩu Haku của bạn",
                   ("Xin chào,\n\nMột người (hy vọng là bạn) đã yêu cầu đặt lại mật khẩu tài khoản Haku của bạn tại "
                   "{{ company_name }}.\n\nHãy chọn mật khẩu mới tại đây: {{ link }}\n\nLiên kết chỉ dùng được "
                   "một lần và có hiệu lực trong 1 giờ. Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của "
                   "bạn vẫn giữ nguyên.\n\nHaku\n")),
        },
    },
]

#: The shipped templates' names as lists and pickers show them, in the reader's language. The
#: rows keep the English name of ``DEFAULT_TEMPLATES``; a name someone changed shows as written.
NAMES = {
    "application_received": _l("Application received"),
    "application_duplicate": _l("Application already received"),
    "interview_invitation": _l("Interview invitation"),
    "interview_rescheduled": _l("Interview: new time"),
    "interview_cancelled": _l("Interview: cancelled"),
    "interview_scheduling_link": _l("Interview: choose your time"),
    "interview_reminder": _l("Interview: reminder"),
    "rejection": _l("Rejection"),
    "notification": _l("Notification to a team member"),
    "emrex_invite": _l("EMREX: transfer your study records (standard)"),
    "emrex_reminder": _l("EMREX: reminder"),
    "assessment_invite": _l("Assessment: your test link (Alva Labs)"),
    "user_invitation": _l("Team: invitation to Haku"),
    "password_reset": _l("Team: password reset link"),
}
ENGLISH_NAMES = {spec["key"]: spec["name"] for spec in DEFAULT_TEMPLATES}


def display_name(key: str, name: str) -> str:
    """``name`` in the reader's language when it is the shipped English name of ``key``."""
    if key in NAMES and ENGLISH_NAMES.get(key) == name:
        return str(NAMES[key])
    return name

