<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="lv">
<context>
    <name>ActsModel</name>
    <message>
        <location filename="../views/acts_panel.py" line="40"/>
        <source>Tiks saņemts ar sinhronizāciju</source>
        <translation>Will arrive with the next sync</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="41"/>
        <source>{0} (uz papīra)</source>
        <translation>{0} (on paper)</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="42"/>
        <source>Saglabāts</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="43"/>
        <source>Saglabāts; arī atgriešanas akts</source>
        <translation>Saved; return act too</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="71"/>
        <source>Akts</source>
        <translation>Handover act</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="73"/>
        <source>Akta fails</source>
        <translation>Act file</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="74"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="77"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="79"/>
        <source>Inventāra Nr.</source>
        <translation>Inventory no.</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="80"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="82"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ActsPanel</name>
    <message>
        <location filename="../views/acts_panel.py" line="121"/>
        <source>Meklēt aktu</source>
        <translation>Search acts</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="123"/>
        <source>Pieteikuma vai akta numurs, vārds vai noskenējiet resursa uzlīmi</source>
        <translation>Application or act number, a name, or scan the device label</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="133"/>
        <source>Akti</source>
        <translation>Acts</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="147"/>
        <location filename="../views/acts_panel.py" line="239"/>
        <source>Izvēlieties aktu sarakstā</source>
        <translation>Choose an act in the list</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="155"/>
        <location filename="../views/acts_panel.py" line="159"/>
        <source>Atvērt</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="157"/>
        <location filename="../views/acts_panel.py" line="161"/>
        <source>Drukāt atkārtoti</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="163"/>
        <source>Atvērt aktu</source>
        <translation>Open the act</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="164"/>
        <source>Drukāt aktu atkārtoti</source>
        <translation>Print the act again</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="165"/>
        <source>Atvērt atgriešanas aktu</source>
        <translation>Open the return act</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="167"/>
        <source>Drukāt atgriešanas aktu atkārtoti</source>
        <translation>Print the return act again</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="176"/>
        <source>Pieņemšanas-nodošanas akts:</source>
        <translation>Acceptance-handover act:</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="179"/>
        <source>Atgriešanas akts:</source>
        <translation>Return act:</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="202"/>
        <source>Aktu sarakstu neizdevās nolasīt ({0}).</source>
        <translation>Could not read the list of acts ({0}).</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="212"/>
        <source>Nav atrasts neviens akts</source>
        <translation>No act found</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="213"/>
        <source>Vēl nav neviena akta</source>
        <translation>No acts yet</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="215"/>
        <source>Akti: {0}, no tiem vēl jāsaņem: {1}</source>
        <translation>Acts: {0}, still to arrive: {1}</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="217"/>
        <source>Akti: {0}</source>
        <translation>Acts: {0}</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="242"/>
        <source>Akta {0} fails vēl nav šajā datorā: tas tiks saņemts ar sinhronizāciju.</source>
        <translation>The file of act {0} is not on this computer yet: it arrives with the next sync.</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="245"/>
        <source>Akts {0} · pieteikums {1} · {2}</source>
        <translation>Act {0} · application {1} · {2}</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="273"/>
        <source>Akta fails šajā datorā nav atrasts vai ir bojāts.</source>
        <translation>The act file is missing on this computer or damaged.</translation>
    </message>
    <message>
        <location filename="../views/acts_panel.py" line="280"/>
        <source>Aktu neizdevās atvērt ({0}).</source>
        <translation>Could not open the act ({0}).</translation>
    </message>
</context>
<context>
    <name>ApplicationDetailView</name>
    <message>
        <location filename="../views/detail_page.py" line="387"/>
        <location filename="../views/detail_page.py" line="774"/>
        <source>Izvēlieties pieteikumu sarakstā</source>
        <translation>Select an application in the list</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="395"/>
        <location filename="../views/detail_page.py" line="521"/>
        <source>Aizbildnības pārbaude</source>
        <translation>Guardianship check</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="395"/>
        <location filename="../views/detail_page.py" line="984"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="396"/>
        <location filename="../views/detail_page.py" line="542"/>
        <source>Atsaukšanas iemesls</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="445"/>
        <source>Pieteikuma numurs</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="448"/>
        <source>Pieteikuma statuss</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="456"/>
        <source>Izsniegšanas statuss</source>
        <translation>Handover status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="458"/>
        <source>Pieprasītais resurss</source>
        <translation>Requested device</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="516"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="517"/>
        <location filename="../views/detail_page.py" line="524"/>
        <source>Vārds, uzvārds</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="518"/>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="519"/>
        <source>Iesniedzēja personas kods</source>
        <translation>Applicant&apos;s personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="520"/>
        <location filename="../views/detail_page.py" line="527"/>
        <source>Personas kods</source>
        <translation>Personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="523"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="525"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="526"/>
        <source>Izglītojamā personas kods</source>
        <translation>Learner&apos;s personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="529"/>
        <source>Sociālais statuss</source>
        <translation>Social status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="530"/>
        <source>Dokumenti</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="532"/>
        <source>Kontakti</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="533"/>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="534"/>
        <source>E-pasts</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="535"/>
        <location filename="../views/detail_page.py" line="559"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="537"/>
        <source>Lēmums</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="538"/>
        <location filename="../views/detail_page.py" line="965"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="539"/>
        <source>Statuss mainīts</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="540"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="632"/>
        <source>Izsniegšana</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="546"/>
        <source>Vēsture</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="396"/>
        <location filename="../views/detail_page.py" line="541"/>
        <source>Atkārtota izskatīšana</source>
        <translation>Review again on</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="460"/>
        <source>Iesniegts</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="462"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="493"/>
        <source>Iespējams dublikāts</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="548"/>
        <source>Statusu vēsture</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="560"/>
        <source>Labot piezīmes…</source>
        <translation>Edit notes…</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="562"/>
        <source>Piezīmes redz iestādes darbinieki visās darbstacijās; iesniedzējam tās netiek sūtītas.</source>
        <translation>Notes are seen by the school&apos;s staff on every workstation; they are not sent to the applicant.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="570"/>
        <source>Piezīmju paziņojums</source>
        <translation>Notes message</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="586"/>
        <source>Piezīmes: {0}</source>
        <translation>Notes: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="611"/>
        <source>Piezīmes neizdevās saglabāt ({0})</source>
        <translation>The notes could not be saved ({0})</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="615"/>
        <source>Jūsu teksts nav zudis: tas būs logā „Labot piezīmes…“.</source>
        <translation>Your text is not lost: it will be in the “Edit notes…” window.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="645"/>
        <source>Faila paziņojums</source>
        <translation>File message</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="652"/>
        <source>Parakstīt uz papīra…</source>
        <translation>Sign on paper…</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="653"/>
        <source>Iesniedzējs parakstīja papīra aktu: resurss izsniegts. Pieejams, kad izsniegšana ir „Gatavs izsniegšanai“.</source>
        <translation>The applicant signed the act on paper: the device is issued. Available while the handover is “Ready for issue”.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="656"/>
        <source>Mainīt atgriešanas termiņu…</source>
        <translation>Change return deadline…</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="657"/>
        <source>Pieejams, līdz resurss ir atgriezts, nozaudēts vai nozagts.</source>
        <translation>Available until the device is returned, lost or stolen.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="660"/>
        <source>Reģistrēt nozaudēšanu vai zādzību…</source>
        <translation>Record loss or theft…</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="661"/>
        <source>Iesniedzējs ziņoja iestādei, ka izsniegtais resurss ir nozaudēts vai nozagts.</source>
        <translation>The applicant told the school that the issued device was lost or stolen.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="664"/>
        <source>Slēgt lietu…</source>
        <translation>Close case…</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="665"/>
        <source>Slēgt nozaudēta vai nozagta resursa lietu: tās dati tiks dzēsti pēc 25 mēnešiem.</source>
        <translation>Close the case of a lost or stolen device: its data is deleted after 25 months.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="669"/>
        <source>Paziņojumi iesniedzējam</source>
        <translation>Notifications to the applicant</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="782"/>
        <source>Pieteikums nav atrasts: iespējams, tas ir dzēsts vai pieder citai iestādei.</source>
        <translation>Application not found: it may have been deleted or may belong to another institution.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="794"/>
        <source>Neizdevās nolasīt pieteikumu ({0})</source>
        <translation>Could not read the application ({0})</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="811"/>
        <source>Iesniegts {0}</source>
        <translation>Submitted {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="813"/>
        <source>Konflikts ar centrālo servisu</source>
        <translation>Conflict with the central service</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="817"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation>Waiting to sync: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="820"/>
        <source>Sinhronizēts</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="859"/>
        <source>Iespējams dublikāts: šim izglītojamajam ir vēl viens atvērts pieteikums tam pašam resursa veidam: {0}</source>
        <translation>Possible duplicate: this learner has another open application for the same kind of resource: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="861"/>
        <source>Iespējams dublikāts: šim izglītojamajam ir vēl {0} atvērti pieteikumi tam pašam resursa veidam: {1}</source>
        <translation>Possible duplicate: this learner has {0} more open applications for the same kind of resource: {1}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="894"/>
        <source>{0} (nav norādīts)</source>
        <translation>{0} (not specified)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="898"/>
        <source>Apstiprināts VIIS</source>
        <translation>Confirmed in VIIS</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="903"/>
        <source>Nav apstiprināts</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="912"/>
        <source>{0} (nav apstiprinātu dokumentu)</source>
        <translation>{0} (no acknowledged documents)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="925"/>
        <source>{0} (resurss vēl nav sinhronizēts)</source>
        <translation>{0} (device not synced yet)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="928"/>
        <source>{0}
sērijas Nr. {1}</source>
        <translation>{0}
serial no. {1}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="940"/>
        <source>{0} (resurss nav piešķirts)</source>
        <translation>{0} (no device granted)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="969"/>
        <source>⚠ Cits veids nekā pieprasīts</source>
        <translation>⚠ Another kind than applied for</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="970"/>
        <source>Cits veids nekā pieprasīts</source>
        <translation>Another kind than applied for</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="976"/>
        <source>{0} · parakstīts uz papīra</source>
        <translation>{0} · signed on paper</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="986"/>
        <source>Saņemšanas vieta</source>
        <translation>Pickup place</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="988"/>
        <source>Saņemšanas laiks</source>
        <translation>Pickup time</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="991"/>
        <source>Kontaktpersona</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="995"/>
        <location filename="../views/detail_page.py" line="1008"/>
        <source>Akts</source>
        <translation>Handover act</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="997"/>
        <source>Pielikumi</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1014"/>
        <location filename="../views/detail_page.py" line="1048"/>
        <source>Atvērt</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1015"/>
        <source>Atvērt aktu</source>
        <translation>Open the act</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1016"/>
        <source>Drukāt</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1017"/>
        <source>Drukāt aktu</source>
        <translation>Print act</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1024"/>
        <source>Akts vēl nav saņemts no centrālā servisa</source>
        <translation>The act has not been received from the central service yet</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1025"/>
        <source>Akts būs pieejams pēc izsniegšanas</source>
        <translation>The act will be available once the device is issued</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1049"/>
        <source>Atvērt: {0}</source>
        <translation>Open: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1056"/>
        <source>Fails vēl nav saņemts no centrālā servisa</source>
        <translation>The file has not been received from the central service yet</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1066"/>
        <source>Ziņojums par nozaudēšanu vai zādzību</source>
        <translation>Report of loss or theft</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1073"/>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1075"/>
        <source>Notika</source>
        <translation>Occurred on</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1076"/>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1077"/>
        <source>Ziņots</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1079"/>
        <source>{0} (lieta nav slēgta)</source>
        <translation>{0} (the case is open)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1080"/>
        <source>Lieta slēgta</source>
        <translation>Case closed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1084"/>
        <source>e-pasts</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1084"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1085"/>
        <source>Paziņots iesniedzējam: {0}, {1}</source>
        <translation>Applicant notified: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1102"/>
        <source>Failu neizdevās atvērt: sistēmā nav programmas, kas to parāda.</source>
        <translation>The file could not be opened: no program on this computer shows it.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1119"/>
        <source>Fails šajā darbstacijā vēl nav saņemts vai ir bojāts.</source>
        <translation>The file has not reached this workstation yet, or it is damaged.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1125"/>
        <source>Failu neizdevās nolasīt ({0})</source>
        <translation>The file could not be read ({0})</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="966"/>
        <source>Resurss</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="916"/>
        <source>{0}
{1} · apstiprināšanas datums: {2}</source>
        <translation>{0}
{1} · confirmed on: {2}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="973"/>
        <source>Sagatavots</source>
        <translation>Prepared</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="977"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="979"/>
        <source>Atgriezts</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="983"/>
        <source>Stāvoklis</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="993"/>
        <source>Atcelšanas iemesls</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1137"/>
        <source>Izsniegšana: {0}</source>
        <translation>Handover: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1138"/>
        <source>e-pakalpojums</source>
        <translation>e-service</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1155"/>
        <source>Notikums no e-pakalpojuma (centrālā servisa)</source>
        <translation>Event from the e-service (central service)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="1158"/>
        <source>{0} (vēstures ierakstu nav)</source>
        <translation>{0} (no history entries)</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../views/audit_page.py" line="119"/>
        <source>Saglabāt kā</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="170"/>
        <source>Audita žurnāls</source>
        <extracomment>asked for the export file; tests replace it with a function returning a path</extracomment>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="176"/>
        <source>Kas skatīja iesniedzēju personas datus, pieņēma lēmumus, izsniedza un pieņēma atpakaļ resursus un eksportēja datus. Žurnālu nevar labot; ierakstus par dzēstiem pieteikumiem pēc 25 mēnešiem dzēš kopā ar pieteikumu.</source>
        <translation>Who viewed applicants&apos; personal data, made decisions, issued and took back devices and exported data. The log cannot be edited; entries about deleted applications are deleted with the application after 25 months.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="184"/>
        <source>Automātiskā dzēšana</source>
        <translation>Automatic deletion</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="188"/>
        <source>Lietotājs</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="190"/>
        <source>Darbība</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="192"/>
        <source>Objekts</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="196"/>
        <location filename="../views/audit_page.py" line="197"/>
        <location filename="../views/audit_page.py" line="202"/>
        <source>Objekta ID</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="203"/>
        <source>No datuma</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="204"/>
        <source>Līdz datumam</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="207"/>
        <source>Notīrīt filtrus</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="208"/>
        <source>Eksportēt CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="210"/>
        <source>Saglabāt visus filtram atbilstošos ierakstus CSV failā (eksports tiek reģistrēts žurnālā)</source>
        <translation>Save all entries matching the filter to a CSV file (the export is recorded in the log)</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="218"/>
        <source>No</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="220"/>
        <source>līdz</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="232"/>
        <source>Audita ieraksti</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="247"/>
        <source>◀ Iepriekšējā lapa</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="248"/>
        <source>Nākamā lapa ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="301"/>
        <source>Visi lietotāji</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="302"/>
        <source>Visas darbības</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="304"/>
        <source>Visi objekti</source>
        <translation>All objects</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="364"/>
        <source>Neizdevās nolasīt filtru vērtības.</source>
        <translation>Could not read the filter values.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="368"/>
        <source>Neizdevās nolasīt dzēšanas žurnālu.</source>
        <translation>Could not read the deletion log.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="374"/>
        <source>Automātiskā dzēšana (25 mēneši pēc lietas slēgšanas): vēl nekas nav dzēsts.</source>
        <translation>Automatic deletion (25 months after a case is closed): nothing has been deleted yet.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="377"/>
        <source>Automātiskā dzēšana, pēdējoreiz: {run}.</source>
        <translation>Automatic deletion, last run: {run}.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="393"/>
        <source>Neizdevās nolasīt audita žurnālu.</source>
        <translation>Could not read the audit log.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="406"/>
        <source>Ielādē audita žurnālu…</source>
        <translation>Loading the audit log…</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="408"/>
        <source>Nav ierakstu, kas atbilst filtram</source>
        <translation>No entries match the filter</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="410"/>
        <source>Žurnālā vēl nav ierakstu</source>
        <translation>The log has no entries yet</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="412"/>
        <source>{first}–{last} no {total}</source>
        <translation>{first}–{last} of {total}</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="426"/>
        <source>CSV faili (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="433"/>
        <source>Neizdevās saglabāt failu {name}.</source>
        <translation>Could not save the file {name}.</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="437"/>
        <source>Fails saglabāts; ierakstu skaits: {n}.</source>
        <translation>File saved; entries: {n}.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../views/audit_page.py" line="60"/>
        <source>Laiks</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="61"/>
        <source>Lietotājs</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="62"/>
        <source>Darbība</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="63"/>
        <source>Objekts</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="64"/>
        <source>Objekta ID</source>
        <translation>Object ID</translation>
    </message>
    <message>
        <location filename="../views/audit_page.py" line="65"/>
        <source>Sīkāk</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AvailabilityChart</name>
    <message>
        <location filename="../views/availability_chart.py" line="62"/>
        <source>Pieejamības diagramma</source>
        <translation>Availability chart</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="77"/>
        <source>trūkst {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="78"/>
        <source>pietiek</source>
        <translation>enough</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="79"/>
        <source>{0}: pieejami {1} no {2}, gaida {3}, {4}</source>
        <translation>{0}: {1} of {2} available, {3} waiting, {4}</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="85"/>
        <source>Iesniegti pieteikumi</source>
        <translation>Submitted applications</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="86"/>
        <source>Atlikti</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="87"/>
        <source>Piešķirti bez resursa</source>
        <translation>Granted without a device</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="133"/>
        <source>Iestādei vēl nav neviena resursu veida</source>
        <translation>The school has no device kinds yet</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="175"/>
        <source>Gaida resursu: {0}</source>
        <translation>Waiting for a device: {0}</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="172"/>
        <source>Resursi: {0} · pieejami: {1}</source>
        <translation>Devices: {0} · available: {1}</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="180"/>
        <source>nav resursu</source>
        <translation>no devices</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="184"/>
        <source>neviens negaida</source>
        <translation>nobody waiting</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="193"/>
        <source>⚠ Trūkst {0}</source>
        <translation>⚠ {0} short</translation>
    </message>
    <message>
        <location filename="../views/availability_chart.py" line="196"/>
        <source>✓ Pietiek</source>
        <translation>✓ Enough</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../views/reports_page.py" line="133"/>
        <source>Diagramma</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="169"/>
        <source>Nav datu</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>CancelHandoverDialog</name>
    <message>
        <location filename="../views/desk_dialogs.py" line="29"/>
        <source>Resurss nav piemērots</source>
        <translation>The device is not suitable</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="30"/>
        <source>Cits iemesls</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="22"/>
        <location filename="../views/desk_dialogs.py" line="43"/>
        <source>Atcelt izsniegšanu</source>
        <translation>Cancel the handover</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="28"/>
        <source>Iesniedzējs atteicās pieņemt resursu</source>
        <translation>The applicant refused to accept the resource</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="32"/>
        <source>Atcelšanas iemesls</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="34"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="35"/>
        <source>Piezīmes (obligātas, ja izvēlēts „Cits iemesls“)</source>
        <translation>Notes (required if “Other reason” is chosen)</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="40"/>
        <source>Resurss atkal būs pieejams izsniegšanai.</source>
        <translation>The device will be available for issuing again.</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="42"/>
        <source>Neatcelt</source>
        <translation>Keep handover</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="47"/>
        <source>Iemesls</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="58"/>
        <source>Norādiet iemeslu piezīmēs.</source>
        <translation>Give the reason in the notes.</translation>
    </message>
    <message>
        <location filename="../views/desk_dialogs.py" line="62"/>
        <source>Piezīmes ir par garu.</source>
        <translation>The notes are too long.</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../views/catalogue_page.py" line="182"/>
        <source>Inventārs</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="183"/>
        <source>Resursu veidi</source>
        <translation>Device types</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="184"/>
        <source>Pieejamība</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="191"/>
        <source>Dokumentu veidnes</source>
        <translation>Document templates</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="230"/>
        <source>Meklēt: inventāra vai sērijas nr., ražotājs, vieta — vai skenējiet uzlīmi</source>
        <translation>Search: inventory or serial no., manufacturer, location — or scan a label</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="233"/>
        <source>Meklēt resursu</source>
        <translation>Search devices</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="237"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="238"/>
        <source>Visi veidi</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="242"/>
        <source>Visi statusi</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="254"/>
        <source>Jauns resurss…</source>
        <translation>New device…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="256"/>
        <location filename="../views/catalogue_page.py" line="422"/>
        <source>Atvērt…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="258"/>
        <source>Importēt CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="260"/>
        <source>Eksportēt CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="262"/>
        <source>Drukāt uzlīmes…</source>
        <translation>Print labels…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="263"/>
        <source>QR uzlīmes atlasītajiem resursiem (vai visiem sarakstā redzamajiem)</source>
        <translation>QR labels for the selected devices (or for all devices shown in the list)</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="266"/>
        <source>Atvērt pieteikumu</source>
        <translation>Open application</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="268"/>
        <location filename="../views/catalogue_page.py" line="598"/>
        <source>Pieteikums, kuram izvēlētais resurss ir izsniegts vai rezervēts</source>
        <translation>The application to which the selected resource is issued or reserved</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="481"/>
        <source>%n resursi</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="674"/>
        <source>Importēti %n resursi; tie tiks nosūtīti centrālajam servisam nākamajā sinhronizācijā.</source>
        <translation>
            <numerusform>%n device imported; it will be sent to the central service at the next sync.</numerusform>
            <numerusform>%n devices imported; they will be sent to the central service at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="691"/>
        <source>Eksportēti %n resursi</source>
        <translation>
            <numerusform>Exported %n device</numerusform>
            <numerusform>Exported %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="716"/>
        <source>%n uzlīmes saglabātas</source>
        <translation>
            <numerusform>%n label saved</numerusform>
            <numerusform>%n labels saved</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="805"/>
        <source>Kamēr šīs izmaiņas gaidīja sinhronizāciju, kāds tos pašus datus mainīja centrālajā servisā. Nekas netika pārrakstīts: izvēlieties sadaļā „Konflikti“, kuru versiju paturēt.</source>
        <translation>While these changes were waiting to sync, someone changed the same data at the central service. Nothing was overwritten: choose in “Conflicts” which version to keep.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="334"/>
        <source>Dokumenti, kas jāapstiprina, saņemot resursu: saites no centrālā servisa un skolas veidnes (tās raksta cilnē „Dokumentu veidnes“).</source>
        <translation>Documents to acknowledge on receipt: links from the central service and the school&apos;s templates (written on the “Document templates” tab).</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="339"/>
        <location filename="../views/catalogue_page.py" line="794"/>
        <source>Kam izsniedz</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="341"/>
        <source>Dokumenti</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="343"/>
        <source>Izvēlētais veids</source>
        <translation>Selected type</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="384"/>
        <source>Komplektācija saglabāta; to saņems arī pārējās skolas darbstacijas.</source>
        <translation>Checklist saved; the school&apos;s other workstations will receive it too.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="391"/>
        <source>Noklusētais atgriešanas termiņš saglabāts; to saņems arī pārējās skolas darbstacijas.</source>
        <translation>Default return deadline saved; the school&apos;s other workstations receive it too.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="417"/>
        <source>Katalogu labot var tikai administrators</source>
        <translation>Only an administrator can edit the catalogue</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="422"/>
        <source>Skatīt…</source>
        <translation>View…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="438"/>
        <source>Darbību neizdevās pabeigt: negaidīta kļūda ({0}).</source>
        <translation>Could not complete the action: unexpected error ({0}).</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="595"/>
        <source>Pieteikums {0}: {1}</source>
        <translation>Application {0}: {1}</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="657"/>
        <source>Saglabāts; tiks nosūtīts centrālajam servisam nākamajā sinhronizācijā.</source>
        <translation>Saved; it will be sent to the central service at the next sync.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="681"/>
        <source>PDF faili (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="682"/>
        <source>CSV faili (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="687"/>
        <source>Eksportēt inventāru</source>
        <translation>Export inventory</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="698"/>
        <source>Sarakstā nav neviena resursa, kam drukāt uzlīmes</source>
        <translation>There are no devices in the list to print labels for</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="707"/>
        <source>Saglabāt uzlīmes</source>
        <translation>Save labels</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="743"/>
        <source>nav dokumentu</source>
        <translation>no documents</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="774"/>
        <source>Saglabāts; tiks publicēts centrālajā servisā nākamajā sinhronizācijā.</source>
        <translation>Saved; it will be published on the central service at the next sync.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="795"/>
        <source>Pieteikšanās</source>
        <translation>Applications open</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="796"/>
        <source>Inventāra numurs</source>
        <translation>Inventory number</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="796"/>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="797"/>
        <source>Sērijas numurs</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="797"/>
        <source>Ražotājs</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="798"/>
        <source>Modelis</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="798"/>
        <source>Gads</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="799"/>
        <source>Vērtība</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="800"/>
        <source>Sociāli atbalstāmajiem</source>
        <translation>For socially supported learners</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="801"/>
        <source>Atrašanās vieta</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="801"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="241"/>
        <location filename="../views/catalogue_page.py" line="802"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="280"/>
        <source>Resursi</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="311"/>
        <source>Piedāvātie resursu veidi</source>
        <translation>Offered device types</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="327"/>
        <source>Pieņemt pieteikumus</source>
        <translation>Accept applications</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="348"/>
        <source>Centrālais serviss šīs izmaiņas noraidīja</source>
        <translation>The central service refused these changes</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="398"/>
        <source>Katram veidam: resursi pēc statusa un pieteikumi, kas vēl gaida resursu (iesniegti, atlikti un piešķirti bez resursa).</source>
        <translation>For each kind: devices by status and applications still waiting for a device (submitted, deferred and granted without a device).</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="583"/>
        <source>Resurss ar numuru „{0}“ nav atrasts</source>
        <translation>No device with the number “{0}”</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="731"/>
        <source>Iestādei vēl nav neviena resursu veida</source>
        <translation>The school has no device kinds yet</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="803"/>
        <source>Komplektācija</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="811"/>
        <source>nav zināms</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="816"/>
        <source>Šajā datorā</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="816"/>
        <source>Centrālajā servisā</source>
        <translation>In the central service</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="716"/>
        <location filename="../views/lifecycle_dialogs.py" line="725"/>
        <source>Slēgt lietu</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="720"/>
        <source>Lieta tiks slēgta; dati tiks dzēsti pēc 25 mēnešiem.</source>
        <translation>The case will be closed; its data will be deleted after 25 months.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="721"/>
        <source>&amp;Piezīmes (nav obligātas):</source>
        <translation>&amp;Notes (optional):</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="722"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../views/conflicts_panel.py" line="119"/>
        <source>Pieteikums</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="120"/>
        <source>Jūsu lēmums</source>
        <translation>Your decision</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="121"/>
        <source>Lēmuma pieņēmējs</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="122"/>
        <source>Stāvoklis centrālajā servisā</source>
        <translation>State at the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="123"/>
        <source>Iemesls</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="124"/>
        <source>Gaida aiz šī</source>
        <translation>Waiting behind it</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="456"/>
        <source>Vēlākas darbības ar šo ierakstu, kas gaida šī konflikta atrisināšanu</source>
        <translation>Later actions on this record that are waiting for this conflict to be resolved</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../views/conflicts_panel.py" line="578"/>
        <source>Konflikti ar centrālo servisu</source>
        <extracomment>asked before discarding (and before re-applying drops waiting commands); tests replace it with a plain function answering True or False</extracomment>
        <translation>Conflicts with the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="593"/>
        <source>Paziņojums</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="598"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="614"/>
        <source>Jūsu lēmums</source>
        <translation>Your decision</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="615"/>
        <source>Centrālajā servisā</source>
        <translation>In the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="620"/>
        <source>Kas notika</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="630"/>
        <location filename="../views/conflicts_panel.py" line="794"/>
        <source>Piemērot vēlreiz</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="632"/>
        <source>Pieņemt to pašu lēmumu vēlreiz, ņemot vērā centrālā servisa pašreizējo stāvokli</source>
        <translation>Make the same decision again, taking the current state in the central service into account</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="633"/>
        <location filename="../views/conflicts_panel.py" line="812"/>
        <source>Atmest</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="635"/>
        <source>Atmest savu lēmumu; paliek centrālā servisa stāvoklis</source>
        <translation>Discard your decision; the state in the central service stays</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="712"/>
        <source>Konfliktu nav</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="723"/>
        <source>Neizdevās nolasīt konfliktus ({0})</source>
        <translation>Could not read the conflicts ({0})</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="768"/>
        <source>Aiz šī lēmuma gaida vēl %n darbības ar to pašu ierakstu. Piemērojot vēlreiz, arī tās tiks veiktas vēlreiz tādā pašā secībā; atmetot tiks atmestas arī tās.</source>
        <translation>
            <numerusform>%n more action on the same record waits behind this decision. Applying again carries it out again too; discarding discards it too.</numerusform>
            <numerusform>%n more actions on the same record wait behind this decision. Applying again carries them out again in the same order; discarding discards them too.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="787"/>
        <source>Piemērot vēlreiz?</source>
        <translation>Apply again?</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="92"/>
        <source>Pieteikums centrālajā servisā mainījies</source>
        <translation>Application changed in the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="93"/>
        <source>Darbība vairs nav atļauta</source>
        <translation>Action no longer allowed</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="94"/>
        <source>Nederīgi dati</source>
        <translation>Invalid data</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="95"/>
        <source>Ieraksts dzēsts</source>
        <translation>Record deleted</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="96"/>
        <source>Nav tiesību</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="101"/>
        <source>Novietot rezervē</source>
        <translation>Put in storage</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="102"/>
        <source>Atbrīvot no rezerves</source>
        <translation>Take out of storage</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="103"/>
        <source>Rezervēt</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="104"/>
        <source>Atcelt rezervāciju</source>
        <translation>Cancel reservation</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="105"/>
        <source>Izsniegt</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="106"/>
        <source>Pieņemt darba kārtībā</source>
        <translation>Take back in working order</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="107"/>
        <source>Pieņemt bojātu</source>
        <translation>Take back damaged</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="108"/>
        <source>Atzīmēt kā nozaudētu</source>
        <translation>Mark as lost</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="109"/>
        <source>Atzīmēt kā nozagtu</source>
        <translation>Mark as stolen</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="110"/>
        <source>Nodot apkopē</source>
        <translation>Send for maintenance</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="111"/>
        <source>Nodot remontā</source>
        <translation>Send for repair</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="112"/>
        <source>Atzīmēt kā bojātu</source>
        <translation>Mark as damaged</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="114"/>
        <source>Atzīmēt kā atrastu</source>
        <translation>Mark as found</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="156"/>
        <source>Ieraksts centrālajā servisā mainījies</source>
        <translation>Record changed in the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="184"/>
        <source>Resursa veids: {0}</source>
        <translation>Device type: {0}</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="195"/>
        <source>atvērta</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="196"/>
        <source>slēgta</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="206"/>
        <source>Kam izsniedz: {0} · pieteikšanās {1}</source>
        <translation>Issued to: {0} · applications {1}</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="214"/>
        <source>Nav zināms</source>
        <translation>Not known</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="217"/>
        <source>izsniegšana: {0}</source>
        <translation>handover: {0}</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="129"/>
        <location filename="../views/conflicts_panel.py" line="291"/>
        <source>Darbība</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="100"/>
        <source>Padarīt pieejamu izsniegšanai</source>
        <translation>Make available for issue</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="113"/>
        <source>Atkal padarīt pieejamu izsniegšanai</source>
        <translation>Make available for issue again</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="161"/>
        <source>Centrālais serviss noraidīja ({0})</source>
        <translation>The central service refused ({0})</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="181"/>
        <source>Resurss {0}</source>
        <translation>Device {0}</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="227"/>
        <source>Centrālajā servisā šis ieraksts pa to laiku ir dzēsts.</source>
        <translation>Meanwhile, this record was deleted at the central service.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="229"/>
        <source>Centrālais serviss jūsu lomai šo darbību neatļauj.</source>
        <translation>The central service does not allow this action for your role.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="231"/>
        <source>Centrālais serviss lēmuma datus neatzina par derīgiem.</source>
        <translation>The central service did not accept the decision&apos;s data as valid.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="234"/>
        <source>Kāds cits pa to laiku centrālajā servisā mainīja šo ierakstu; tā pašreizējais stāvoklis ir redzams labajā pusē.</source>
        <translation>Meanwhile, someone else changed this record at the central service; its current state is shown on the right.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="238"/>
        <source>Pieteikums centrālajā servisā pa to laiku ir mainīts.</source>
        <translation>Meanwhile, the application was changed at the central service.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="242"/>
        <source>Centrālajā servisā pieteikums tagad ir „{0}“, un šādā stāvoklī šī darbība vairs nav atļauta.</source>
        <translation>At the central service the application is now “{0}”, and in that state this action is no longer allowed.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="246"/>
        <source>Iesniedzējs pa to laiku atsauca šo pieteikumu (tagad: „{0}“).</source>
        <translation>Meanwhile, the applicant withdrew this application (now: “{0}”).</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="249"/>
        <source>Iesniedzējs vai cits darbinieks pa to laiku centrālajā servisā mainīja pieteikuma datus; statuss joprojām ir „{0}“.</source>
        <translation>Meanwhile, the applicant or another staff member changed the application&apos;s details at the central service; its status is still “{0}”.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="252"/>
        <source>Cits darbinieks pa to laiku centrālajā servisā jau izlēma šo pieteikumu: tagad tas ir „{0}“.</source>
        <translation>Meanwhile, another staff member already decided this application at the central service: it is now “{0}”.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="260"/>
        <source>Jūsu lēmums „{0}“ ({1}, {2}) tika pieņemts, pirms šī izmaiņa nonāca šajā datorā, tāpēc centrālais serviss to noraidīja.</source>
        <translation>Your decision “{0}” ({1}, {2}) was made before this change reached this computer, so the central service refused it.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="265"/>
        <source>Šo lēmumu vairs nevar piemērot. Spiediet „Atmest“: paliks centrālā servisa stāvoklis.</source>
        <translation>This decision can no longer be applied. Press “Discard”: the central service&apos;s state stays.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="268"/>
        <source>Salīdziniet abas puses zemāk. Ja lēmums joprojām ir pareizs, spiediet „Piemērot vēlreiz“; ja vairs nav vajadzīgs, spiediet „Atmest“.</source>
        <translation>Compare both sides below. If the decision is still right, press “Apply again”; if it is no longer needed, press “Discard”.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="294"/>
        <location filename="../views/conflicts_panel.py" line="336"/>
        <location filename="../views/conflicts_panel.py" line="396"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="405"/>
        <source>Noraidījuma iemesls</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="584"/>
        <source>Šos lēmumus centrālais serviss noraidīja, jo ieraksts tur bija mainījies vai darbība vairs nebija atļauta. Salīdziniet savu lēmumu ar servisa stāvokli un izvēlieties: piemērot lēmumu vēlreiz jaunajam stāvoklim vai to atmest.</source>
        <translation>The central service refused these decisions because the record had changed there or the action was no longer allowed. Compare your decision with the service&apos;s state and choose: apply the decision again to the new state, or discard it.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="674"/>
        <source>Ielādē…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="797"/>
        <source>Lēmums „{0}“ ({1}) piemērots vēlreiz; tas tiks nosūtīts nākamajā sinhronizācijā.</source>
        <translation>The decision “{0}” ({1}) was applied again; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="806"/>
        <source>Atmest lēmumu „{0}“ ({1})? Paliks centrālā servisa stāvoklis: {2}.</source>
        <translation>Discard the decision “{0}” ({1})? The central service&apos;s state stays: {2}.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="815"/>
        <source>Lēmums „{0}“ ({1}) atmests; paliek centrālā servisa stāvoklis.</source>
        <translation>The decision “{0}” ({1}) was discarded; the central service&apos;s state stays.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="301"/>
        <source>Akts</source>
        <translation>Handover act</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="302"/>
        <source>Resurss</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="304"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="307"/>
        <source>Iemesls</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="309"/>
        <location filename="../views/conflicts_panel.py" line="319"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="312"/>
        <source>Stāvoklis</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="318"/>
        <source>Trūkst</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="322"/>
        <location filename="../views/conflicts_panel.py" line="371"/>
        <source>Inventāra Nr.</source>
        <translation>Inventory no.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="325"/>
        <location filename="../views/conflicts_panel.py" line="375"/>
        <source>Modelis</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="326"/>
        <location filename="../views/conflicts_panel.py" line="376"/>
        <source>Atrašanās vieta</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="334"/>
        <source>Jaunais statuss</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="339"/>
        <location filename="../views/conflicts_panel.py" line="343"/>
        <location filename="../views/conflicts_panel.py" line="347"/>
        <location filename="../views/conflicts_panel.py" line="361"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="340"/>
        <location filename="../views/conflicts_panel.py" line="364"/>
        <source>Pieteikšanās</source>
        <translation>Applications open</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="344"/>
        <location filename="../views/conflicts_panel.py" line="366"/>
        <source>Komplektācija</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="348"/>
        <location filename="../views/conflicts_panel.py" line="362"/>
        <source>Kam izsniedz</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="352"/>
        <source>Statuss šajā datorā</source>
        <translation>Status on this computer</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="368"/>
        <location filename="../views/conflicts_panel.py" line="378"/>
        <source>Versija</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="130"/>
        <location filename="../views/conflicts_panel.py" line="373"/>
        <location filename="../views/conflicts_panel.py" line="388"/>
        <location filename="../views/conflicts_panel.py" line="403"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="297"/>
        <source>Atkārtota izskatīšana</source>
        <translation>Review again on</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="330"/>
        <source>Darbība ar resursu</source>
        <translation>Action on the device</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="350"/>
        <source>Lēmuma pieņēmējs</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="392"/>
        <source>Atsaukšanas iemesls</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="131"/>
        <location filename="../views/conflicts_panel.py" line="399"/>
        <source>Izsniegšana</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="403"/>
        <source>Nav zināms; tiks nolasīts nākamajā sinhronizācijā</source>
        <translation>Not known; it will be read at the next sync</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="409"/>
        <source>Servisa ziņojums</source>
        <translation>Service message</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="790"/>
        <source>Lēmums „{0}“ un %n vēlākas darbības ar šo ierakstu tiks veikti vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība vairs nav iespējama, tā un nākamās tiks atmestas.</source>
        <translation>
            <numerusform>The decision “{0}” and %n later action on this record will be carried out again against the central service&apos;s current state. If an action is no longer possible, it and the following ones are discarded.</numerusform>
            <numerusform>The decision “{0}” and %n later actions on this record will be carried out again against the central service&apos;s current state. If an action is no longer possible, it and the following ones are discarded.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="799"/>
        <source>Lēmumu nevar piemērot vēlreiz: {0}. Ja tas vairs nav vajadzīgs, atmetiet to.</source>
        <translation>The decision cannot be applied again: {0}. If it is no longer needed, discard it.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/conflicts_panel.py" line="810"/>
        <source>Tiks atmestas arī %n vēlākas darbības ar šo ierakstu.</source>
        <translation>
            <numerusform>%n later action on this record will be discarded too.</numerusform>
            <numerusform>%n later actions on this record will be discarded too.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="812"/>
        <source>Atmest lēmumu?</source>
        <translation>Discard the decision?</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="817"/>
        <source>Lēmumu neizdevās atmest: {0}.</source>
        <translation>Could not discard the decision: {0}.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="847"/>
        <source>Neizdevās atrisināt konfliktu ({0}). Mēģiniet vēlreiz.</source>
        <translation>Could not resolve the conflict ({0}). Please try again.</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../views/customer_screen.py" line="171"/>
        <source>Iesniedzēja ekrāns</source>
        <translation>Applicant&apos;s screen</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="175"/>
        <source>Laipni lūdzam!</source>
        <translation>Welcome!</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="177"/>
        <source>Kad darbinieks būs sagatavojis resursu, šeit parādīsies QR kods saņemšanas apstiprināšanai.</source>
        <translation>When the staff member has prepared the resource, a QR code to confirm receipt will appear here.</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="186"/>
        <source>1. Noskenējiet QR kodu ar sava tālruņa kameru.&lt;br&gt;2. Pierakstieties portālā latvija.gov.lv.&lt;br&gt;3. Pārbaudiet resursu un nospiediet „Apstiprinu saņemšanu“.</source>
        <translation>1. Scan the QR code with your phone&apos;s camera.&lt;br&gt;2. Sign in at latvija.gov.lv.&lt;br&gt;3. Check the resource and press “Apstiprinu saņemšanu” (I confirm receipt).</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="193"/>
        <source>Saņemts</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="195"/>
        <source>Paldies! Saņemšana apstiprināta. Pieņemšanas-nodošanas akts ir noformēts.</source>
        <translation>Thank you! Receipt confirmed. The handover act has been drawn up.</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="213"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/customer_screen.py" line="214"/>
        <source>Aizvērt iesniedzēja ekrānu</source>
        <translation>Close the applicant&apos;s screen</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="468"/>
        <source>Mainīt atgriešanas termiņu</source>
        <translation>Change the return deadline</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="473"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="473"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>%n application selected</numerusform>
            <numerusform>%n applications selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="475"/>
        <source>Pašreizējais termiņš: {0}</source>
        <translation>Current deadline: {0}</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="477"/>
        <source>Pašreizējie termiņi atšķiras vai nav noteikti.</source>
        <translation>The current deadlines differ or are not set.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="479"/>
        <source>Pašreizējais termiņš: nav noteikts</source>
        <translation>Current deadline: none</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="484"/>
        <source>Jaunais atgriešanas termiņš</source>
        <translation>New return deadline</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="485"/>
        <source>Paziņot iesniedzējam</source>
        <translation>Notify the applicant</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="486"/>
        <source>Paziņot iesniedzējiem</source>
        <translation>Notify the applicants</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="489"/>
        <source>Mainīt</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="492"/>
        <source>&amp;Jaunais termiņš:</source>
        <translation>&amp;New deadline:</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../deciding.py" line="57"/>
        <source>Piešķirt…</source>
        <translation>Grant…</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="60"/>
        <source>Atteikt…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="63"/>
        <source>Atlikt…</source>
        <translation>Defer…</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="85"/>
        <source>Lemt par pieteikumiem drīkst izskatītājs vai administrators</source>
        <translation>Only a reviewer or an administrator can decide on applications</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="88"/>
        <source>Piešķirt visus atlasītos; katram var rezervēt pirmo pieejamo atbilstošā veida resursu ({0})</source>
        <translation>Grant all selected; each may reserve the first available device of its kind ({0})</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="110"/>
        <source>Vispirms izvēlieties pieteikumu sarakstā.</source>
        <translation>First select an application in the list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="143"/>
        <source>Piešķirt %n atlasītos pieteikumus?</source>
        <translation>
            <numerusform>Grant the %n selected application?</numerusform>
            <numerusform>Grant the %n selected applications?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../deciding.py" line="147"/>
        <source>Katram tiks rezervēts pirmais pieejamais atbilstošā veida resurss (pēc inventāra numura), kamēr tādi ir; pārējiem resursu izvēlēsies izsniegšanas vietā.</source>
        <translation>Each reserves the first available device of its kind (by inventory number) while there are any; for the rest the issuing desk will choose the device.</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="149"/>
        <source>Rezervēt resursus automātiski</source>
        <translation>Reserve devices automatically</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="152"/>
        <source>Piešķirt</source>
        <translation>Grant</translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="163"/>
        <source>Piešķirti pieteikumi: %n</source>
        <translation>
            <numerusform>Applications granted: %n</numerusform>
            <numerusform>Applications granted: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="165"/>
        <source>bez rezervēta resursa: %n</source>
        <translation>
            <numerusform>without a reserved device: %n</numerusform>
            <numerusform>without a reserved device: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="183"/>
        <source>Atteikti pieteikumi: %n</source>
        <translation>
            <numerusform>Applications refused: %n</numerusform>
            <numerusform>Applications refused: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deciding.py" line="198"/>
        <source>Atlikti pieteikumi: %n</source>
        <translation>
            <numerusform>Applications deferred: %n</numerusform>
            <numerusform>Applications deferred: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../deciding.py" line="219"/>
        <source>… un vēl {0}</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../deciding.py" line="222"/>
        <source>Izdevās: {0}. Neizdevās: {1}.</source>
        <translation>Succeeded: {0}. Failed: {1}.</translation>
    </message>
</context>
<context>
    <name>DeferDialog</name>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="423"/>
        <source>Atlikt %n pieteikumus</source>
        <translation>
            <numerusform>Postpone %n application</numerusform>
            <numerusform>Postpone %n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="425"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>%n application selected</numerusform>
            <numerusform>%n applications selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="427"/>
        <source>Izskatīt atkārtoti:</source>
        <translation>Review again on:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="429"/>
        <source>Atkārtotas izskatīšanas datums</source>
        <translation>Date to review again</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../views/desk_page.py" line="204"/>
        <location filename="../views/desk_page.py" line="338"/>
        <source>Izsniegšana</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="205"/>
        <source>Atgriešana</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="208"/>
        <source>Nozaudēti un nozagti</source>
        <translation>Lost and stolen</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="214"/>
        <source>Kavēta atgriešana</source>
        <translation>Overdue returns</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="220"/>
        <source>Akti</source>
        <translation>Acts</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="268"/>
        <source>Meklēt pieteikumu izsniegšanai</source>
        <translation>Search applications to issue</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="269"/>
        <source>Pieteikumi izsniegšanai</source>
        <translation>Applications to issue</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="274"/>
        <location filename="../views/desk_page.py" line="500"/>
        <location filename="../views/desk_page.py" line="575"/>
        <source>Izvēlieties pieteikumu sarakstā</source>
        <translation>Select an application in the list</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="282"/>
        <location filename="../views/desk_page.py" line="567"/>
        <source>Noskenējiet resursa uzlīmi</source>
        <translation>Scan the device label</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="293"/>
        <source>Sākt izsniegšanu</source>
        <translation>Start handover</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="314"/>
        <location filename="../views/desk_print.py" line="142"/>
        <source>Drukāt aktu</source>
        <translation>Print act</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="316"/>
        <source>Drukāt papīra aktu</source>
        <translation>Print paper act</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="318"/>
        <source>Ja savienojuma nav vai iesniedzējs nevar apstiprināt tālrunī</source>
        <translation>When there is no connection or the applicant cannot confirm by phone</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="320"/>
        <source>Parakstīts uz papīra…</source>
        <translation>Signed on paper…</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="322"/>
        <source>Iesniedzējs parakstīja izdrukāto aktu: reģistrēt izsniegšanu un saglabāt aktu</source>
        <translation>The applicant signed the printed act: record the handover and keep the act</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="328"/>
        <source>Nākamais iesniedzējs</source>
        <translation>Next applicant</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="330"/>
        <source>Notīrīt šo pieteikumu no ekrāna un iesniedzēja ekrānu; meklēt nākamo</source>
        <translation>Clear this application from the desk and the applicant&apos;s screen; look for the next one</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="347"/>
        <source>Iesniedzēja ekrāns:</source>
        <translation>Applicant&apos;s screen:</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="377"/>
        <source>Iesniedzējs saņemšanu apstiprina savā tālrunī portālā latvija.gov.lv, noskenējot QR kodu iesniedzēja ekrānā.</source>
        <translation>The applicant confirms receipt on their phone at latvija.gov.lv by scanning the QR code on the applicant&apos;s screen.</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="462"/>
        <source>{0}. ekrāns ({1})</source>
        <translation>Screen {0} ({1})</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="522"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="524"/>
        <source>Iesniedzējs: {0}
Resursa veids: {1}
Rezervētais resurss: {2}
Atgriešanas termiņš: {3}
Statuss: {4}</source>
        <translation>Applicant: {0}
Resource kind: {1}
Reserved resource: {2}
Return deadline: {3}
Status: {4}</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="657"/>
        <source>Gatavs izsniegšanai · gaida apstiprinājumu latvija.gov.lv (akts {0})</source>
        <translation>Ready for issue · waiting for confirmation on latvija.gov.lv (act {0})</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="685"/>
        <source>Izsniegšana atcelta</source>
        <translation>Handover cancelled</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="737"/>
        <source>Izsniegšana atcelta; resurss atkal pieejams</source>
        <translation>Handover cancelled; the resource is available again</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="782"/>
        <source>Ievadiet pieteikuma numuru vai vārdu vai noskenējiet atgriežamā resursa uzlīmi</source>
        <translation>Enter an application number or a name, or scan the label of the resource being returned</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="335"/>
        <source>Pilnekrāna režīmā</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="264"/>
        <source>Pieteikuma numurs, vārds vai resursa uzlīme</source>
        <translation>Application number, name or resource label</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="266"/>
        <source>Ievadiet pieteikuma numuru vai vārdu vai noskenējiet resursa uzlīmi</source>
        <translation>Enter an application number or a name, or scan a resource label</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="310"/>
        <source>Rādīt iesniedzēja ekrānu</source>
        <translation>Show the applicant&apos;s screen</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="312"/>
        <source>Atcelt izsniegšanu…</source>
        <translation>Cancel the handover…</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="341"/>
        <source>Resurss:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="526"/>
        <source>nav izvēlēts</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="537"/>
        <source>Noskenējiet {0} uzlīmi, lai pārbaudītu</source>
        <translation>Scan the label of {0} to verify it</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="540"/>
        <source>Noskenējiet izsniedzamā resursa uzlīmi</source>
        <translation>Scan the label of the device to issue</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="614"/>
        <source>Vispirms izvēlieties pieteikumu sarakstā.</source>
        <translation>First select an application in the list.</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="626"/>
        <source>Noskenējiet vai izvēlieties izsniedzamo resursu.</source>
        <translation>Scan or choose the device to issue.</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="694"/>
        <source>Izsniegts · saņemšana apstiprināta, akts {0} saglabāts</source>
        <translation>Issued · receipt confirmed, act {0} saved</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="763"/>
        <source>Papīra akts {0} izdrukāts · kad tas parakstīts, nospiediet „Parakstīts uz papīra…“</source>
        <translation>Paper act {0} printed · once it is signed, press “Signed on paper…”</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="785"/>
        <source>Meklēt izsniegto resursu</source>
        <translation>Search issued devices</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="786"/>
        <source>Izsniegtie resursi</source>
        <translation>Issued devices</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="790"/>
        <source>Pieņemt atpakaļ…</source>
        <translation>Take back…</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="796"/>
        <source>Drukāt atgriešanas aktu</source>
        <translation>Print return act</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="835"/>
        <source>Šis resurss vairs nav izsniegts: iespējams, tas jau pieņemts atpakaļ.</source>
        <translation>This device is no longer out on loan: it may have been taken back already.</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="845"/>
        <source>Izvēlieties vai noskenējiet atgriežamo resursu.</source>
        <translation>Choose or scan the device being returned.</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="875"/>
        <source>Resurss pieņemts atpakaļ; atgriešanas akts saglabāts.</source>
        <translation>Device taken back; return act saved.</translation>
    </message>
    <message>
        <location filename="../views/desk_print.py" line="101"/>
        <source>Failu {0} neizdevās nolasīt.</source>
        <extracomment>How a page opens one of the data folder&apos;s files: path -&gt; its plain content.</extracomment>
        <translation>The file {0} could not be read.</translation>
    </message>
    <message>
        <location filename="../views/desk_print.py" line="103"/>
        <source>Failu nevar atvērt</source>
        <translation>The file cannot be opened</translation>
    </message>
</context>
<context>
    <name>DeviceChoicesModel</name>
    <message>
        <location filename="../views/device_picker.py" line="62"/>
        <source>Inventāra Nr.</source>
        <translation>Inventory no.</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="63"/>
        <source>Resursa veids</source>
        <translation>Resource kind</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="64"/>
        <source>Ražotājs un modelis</source>
        <translation>Manufacturer and model</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="65"/>
        <source>Sērijas Nr.</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="66"/>
        <source>Atrašanās vieta</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="68"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="69"/>
        <source>Atgriezts</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="70"/>
        <source>Atgriešanas piezīmes</source>
        <translation>Return notes</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="99"/>
        <source>Statuss: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="101"/>
        <source>Resurss vēl nav bijis izsniegts.</source>
        <translation>The resource has not been issued yet.</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="104"/>
        <source>Pēdējoreiz atgriezts {0}: {1}</source>
        <translation>Last returned {0}: {1}</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="107"/>
        <source>Trūka: {0}</source>
        <translation>Missing: {0}</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="109"/>
        <source>Piezīmes: {0}</source>
        <translation>Notes: {0}</translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <location filename="../views/device_picker.py" line="208"/>
        <source>&amp;Meklēt:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="211"/>
        <source>inventāra vai sērijas numurs, modelis, vieta…</source>
        <translation>inventory or serial number, model, location…</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="212"/>
        <source>Meklēt resursu</source>
        <translation>Search for a resource</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="224"/>
        <source>Pieejamie resursi</source>
        <translation>Available resources</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="250"/>
        <source>Resursu saraksta stāvoklis</source>
        <translation>Resource list state</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="363"/>
        <source>Ielādē pieejamos resursus…</source>
        <translation>Loading the available resources…</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="365"/>
        <source>Nav pieejamu resursu</source>
        <translation>No resources available</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="367"/>
        <source>Neviens pieejamais resurss neatbilst meklētajam „{0}“</source>
        <translation>No available resource matches “{0}”</translation>
    </message>
    <message>
        <location filename="../views/device_picker.py" line="375"/>
        <source>{0} no {1}</source>
        <translation>{0} of {1}</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="127"/>
        <source>Piešķirt resursu</source>
        <translation>Grant a device</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="133"/>
        <source>Piešķirt resursu:</source>
        <translation>Grant with a resource:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="135"/>
        <source>Piešķirt bez resursa (resursu izvēlēsies izsniegšanas vietā)</source>
        <translation>Grant without a resource (the resource is chosen at the desk)</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="141"/>
        <source>Nav pieejamu piemērotu resursu: pieteikumu var piešķirt bez resursa, un resursu izvēlēsies izsniegšanas vietā.</source>
        <translation>No suitable resource is available: the application can be granted without one, and the resource is chosen at the desk.</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="143"/>
        <source>Atgriešanas termiņš:</source>
        <translation>Return deadline:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="145"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="146"/>
        <source>Piešķirt</source>
        <translation>Grant</translation>
    </message>
</context>
<context>
    <name>HandoverWatch</name>
    <message>
        <location filename="../desk.py" line="216"/>
        <source>Izsniegšanas statusu neizdevās nolasīt</source>
        <translation>Could not read the handover&apos;s status</translation>
    </message>
    <message>
        <location filename="../desk.py" line="244"/>
        <source>Saņemšana apstiprināta, bet aktu neizdevās sagatavot ({0}). Izdrukājiet papīra aktu.</source>
        <translation>Receipt confirmed, but the act could not be produced ({0}). Print the paper act.</translation>
    </message>
</context>
<context>
    <name>HandoversModel</name>
    <message>
        <location filename="../views/item_editor.py" line="140"/>
        <source>Pieteikums</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="141"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="142"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="143"/>
        <source>Atgriezts</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="144"/>
        <source>Stāvoklis</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="145"/>
        <source>Akts</source>
        <translation>Act</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="182"/>
        <source>Dubultklikšķis vai Enter atver pieteikumu</source>
        <translation>Double-click or Enter opens the application</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="184"/>
        <source>Rezervēts kopš {0}; vēl nav izsniegts</source>
        <translation>Reserved since {0}; not issued yet</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="186"/>
        <source>Atgriezts {0}</source>
        <translation>Returned {0}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../views/item_editor.py" line="101"/>
        <source>Laiks</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="102"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="103"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="104"/>
        <source>Kas</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="125"/>
        <source> (centrāli)</source>
        <translation> (centrally)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="144"/>
        <source>Inventāra imports no CSV</source>
        <translation>Import inventory from CSV</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="151"/>
        <source>Izvēlēties failu…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="153"/>
        <source>Fails nav izvēlēts</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="162"/>
        <source>Rādīt tikai kļūdainās rindas</source>
        <translation>Show only rows with errors</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="184"/>
        <location filename="../views/import_dialog.py" line="258"/>
        <source>Importēt</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="188"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="199"/>
        <source>Katalogu labot var tikai administrators</source>
        <translation>Only an administrator can edit the catalogue</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="205"/>
        <source>Inventāra CSV fails</source>
        <translation>Inventory CSV file</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="206"/>
        <source>CSV faili (*.csv *.txt);;Visi faili (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="217"/>
        <source>Pārbauda…</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="233"/>
        <source>%n rindas</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="246"/>
        <source>%n rindās ir kļūdas</source>
        <translation>
            <numerusform>%n row has an error</numerusform>
            <numerusform>%n rows have errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="250"/>
        <source>(Vēl %n kļūdainas rindas nav parādītas.)</source>
        <translation>
            <numerusform>(%n more bad row is not shown.)</numerusform>
            <numerusform>(%n more bad rows are not shown.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_dialog.py" line="257"/>
        <source>Importēt %n resursus</source>
        <translation>
            <numerusform>Import %n device</numerusform>
            <numerusform>Import %n devices</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="148"/>
        <source>Izvēlieties CSV failu (UTF-8, UTF-16 vai Windows-1257, atdalītājs „;“ vai „,“). Vispirms tiek pārbaudīta katra rinda; importēts tiek viss fails vai nekas.</source>
        <translation>Choose a CSV file (UTF-8, UTF-16 or Windows-1257, separator “;” or “,”). Every row is checked first; the whole file is imported or nothing.</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="172"/>
        <source>Importējamās rindas</source>
        <translation>Rows to import</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="231"/>
        <source>{0}, atdalītājs „{1}“</source>
        <translation>{0}, separator “{1}”</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="236"/>
        <source>tabulā redzamas pirmās {0} un kļūdainās</source>
        <translation>the table shows the first {0} and the bad ones</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="237"/>
        <source>tabulā redzamas pirmās {0}</source>
        <translation>the table shows the first {0}</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="239"/>
        <source>netiks importētas kolonnas: {0}</source>
        <translation>columns not imported: {0}</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="247"/>
        <source> — nekas netiks importēts, kamēr tās nav izlabotas failā.</source>
        <translation> — nothing will be imported until they are corrected in the file.</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="253"/>
        <source>Visas rindas ir derīgas.</source>
        <translation>All rows are valid.</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="273"/>
        <source>Importē…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="286"/>
        <source>Failu neizdevās nolasīt: {0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../views/inbox_model.py" line="37"/>
        <source>Numurs</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="38"/>
        <source>Iesniegts</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="39"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="40"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="41"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="42"/>
        <source>Resurss</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="43"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="44"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="335"/>
        <source>Iespējams dublikāts: šim izglītojamajam ir vēl viens atvērts pieteikums tam pašam resursa veidam: {0}</source>
        <translation>Possible duplicate: this learner has another open application for the same kind of resource: {0}</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="337"/>
        <source>Iespējams dublikāts: šim izglītojamajam ir vēl {0} atvērti pieteikumi tam pašam resursa veidam: {1}</source>
        <translation>Possible duplicate: this learner has {0} more open applications for the same kind of resource: {1}</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="347"/>
        <source>Konflikts</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="349"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="350"/>
        <source>Sinhronizēts</source>
        <translation>Synced</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../views/inbox_page.py" line="118"/>
        <source>Meklēt: pieteikuma numurs, vārds, uzvārds vai klase</source>
        <translation>Search: application number, name or class</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="124"/>
        <source>Meklēt pieteikumus</source>
        <translation>Search applications</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="127"/>
        <location filename="../views/inbox_page.py" line="128"/>
        <source>Notīrīt meklēšanu</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="131"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="132"/>
        <source>Visi statusi</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="137"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="138"/>
        <source>Visi resursi</source>
        <translation>All devices</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="142"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="143"/>
        <source>Visas klases</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="146"/>
        <source>Sociālais statuss</source>
        <translation>Social status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="147"/>
        <source>Jebkurš sociālais statuss</source>
        <translation>Any social status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="153"/>
        <location filename="../views/inbox_page.py" line="155"/>
        <source>Iesniegts no</source>
        <translation>Submitted from</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="154"/>
        <source>Atlasīt pēc iesniegšanas datuma</source>
        <translation>Filter by submission date</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="156"/>
        <source>Iesniegts līdz</source>
        <translation>Submitted until</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="163"/>
        <location filename="../views/inbox_page.py" line="400"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="165"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="173"/>
        <source>Pieteikumu skaits</source>
        <translation>Number of applications</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="178"/>
        <source>Pieteikumi</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="209"/>
        <source>līdz</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="338"/>
        <source>Visas {0}. klases</source>
        <translation>All of grade {0}</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="566"/>
        <source>Atrasti: {0}</source>
        <translation>Found: {0}</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="573"/>
        <source>Neizdevās nolasīt pieteikumus ({0})</source>
        <translation>Could not read the applications ({0})</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="623"/>
        <source>Reģistrēt nozaudēšanu vai zādzību</source>
        <translation>Record a loss or theft</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="627"/>
        <source>Nozaudēts</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="628"/>
        <source>Resurss nozaudēts</source>
        <translation>Device lost</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="629"/>
        <source>Nozagts</source>
        <translation>Stolen</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="630"/>
        <source>Resurss nozagts</source>
        <translation>Device stolen</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="637"/>
        <source>Notikuma datums</source>
        <translation>Date it happened</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="638"/>
        <source>Kas notika</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="640"/>
        <source>Kur un kā resurss pazuda, kas par to ziņoja</source>
        <translation>Where and how the device went missing, who reported it</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="643"/>
        <source>Pievienot failu…</source>
        <translation>Add a file…</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="643"/>
        <source>Pielikums</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="644"/>
        <source>Pielikumi</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="645"/>
        <source>Reģistrēt</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="653"/>
        <source>Kas noticis:</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="654"/>
        <source>Notikuma &amp;datums:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="657"/>
        <source>&amp;Apraksts:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="659"/>
        <source>Pielikumi (piemēram, policijas izziņa), PDF, PNG vai JPEG līdz 20 MB:</source>
        <translation>Attachments (e.g. the police report), PDF, PNG or JPEG up to 20 MB:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="673"/>
        <source>Resurss uzreiz kļūs nozaudēts vai nozagts; ziņojums tiks uzskatīts par apstiprinātu.</source>
        <translation>The device becomes lost or stolen at once; the report counts as acknowledged.</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../views/incidents_panel.py" line="51"/>
        <source>Ziņojumi par nozaudētiem vai nozagtiem resursiem</source>
        <translation>Reports of lost or stolen devices</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="60"/>
        <source>Ziņojuma apraksts</source>
        <translation>Report description</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="61"/>
        <source>Izvēlieties ziņojumu, lai redzētu aprakstu</source>
        <translation>Select a report to see its description</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="63"/>
        <source>Nav neapstiprinātu ziņojumu par nozaudētiem vai nozagtiem resursiem.</source>
        <translation>No unacknowledged reports of lost or stolen devices.</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="65"/>
        <location filename="../views/incidents_panel.py" line="104"/>
        <source>Apstiprināt ziņojumu</source>
        <translation>Acknowledge report</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="67"/>
        <source>Resurss inventārā tiks atzīmēts kā nozaudēts vai nozagts</source>
        <translation>The device will be marked lost or stolen in the inventory</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="76"/>
        <source>Iesniedzēja apraksts</source>
        <translation>Applicant’s description</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="105"/>
        <source>Apstiprināt ziņojumu par pieteikuma {0} resursu {1}? Resurss inventārā būs „{2}“.</source>
        <translation>Acknowledge the report about application {0}&apos;s device {1}? In the inventory the device will be “{2}”.</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../views/item_editor.py" line="76"/>
        <source>Pievienots</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="77"/>
        <source>Importēts no CSV</source>
        <translation>Imported from CSV</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="79"/>
        <source>Novietots rezervē</source>
        <translation>Put in storage</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="80"/>
        <source>Atbrīvots no rezerves</source>
        <translation>Taken out of storage</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="81"/>
        <source>Rezervēts pieteikumam</source>
        <translation>Reserved for an application</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="82"/>
        <source>Rezervācija atcelta</source>
        <translation>Reservation cancelled</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="83"/>
        <location filename="../views/item_editor.py" line="556"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="84"/>
        <source>Atgriezts darba kārtībā</source>
        <translation>Returned in working order</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="85"/>
        <source>Atgriezts bojāts</source>
        <translation>Returned damaged</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="86"/>
        <source>Nozaudēts</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="87"/>
        <source>Nozagts</source>
        <translation>Stolen</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="88"/>
        <source>Nodots apkopē</source>
        <translation>Sent for maintenance</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="89"/>
        <source>Nodots remontā</source>
        <translation>Sent for repair</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="90"/>
        <source>Atzīmēts kā bojāts</source>
        <translation>Marked as damaged</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="92"/>
        <source>Atrasts</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="230"/>
        <source>Jauns resurss</source>
        <translation>New device</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="231"/>
        <source>Resurss {0}</source>
        <translation>Device {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="78"/>
        <source>Padarīts pieejams izsniegšanai</source>
        <translation>Made available for issue</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="91"/>
        <source>Atkal padarīts pieejams izsniegšanai</source>
        <translation>Made available for issue again</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="93"/>
        <source>Atjaunots centrālā servisa stāvoklis</source>
        <translation>Central service state restored</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="238"/>
        <source>piem., RAVĢ-2024-000154</source>
        <translation>e.g. RAVĢ-2024-000154</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="243"/>
        <source>piem., 2024</source>
        <translation>e.g. 2024</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="246"/>
        <source>piem., 649,99</source>
        <translation>e.g. 649.99</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="252"/>
        <source>Iegādāts sociāli atbalstāmiem izglītojamajiem</source>
        <translation>Bought for socially supported learners</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="254"/>
        <source>piem., Informātikas kabinets 108</source>
        <translation>e.g. Computer room 108</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="268"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="269"/>
        <source>Inventāra numurs</source>
        <translation>Inventory number</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="270"/>
        <source>Sērijas numurs</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="271"/>
        <source>Ražotājs</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="272"/>
        <source>Modelis</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="273"/>
        <source>Iegādes gads</source>
        <translation>Year of purchase</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="274"/>
        <source>Iegādes vērtība, €</source>
        <translation>Purchase value, €</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="275"/>
        <source>Sociāli atbalstāmajiem</source>
        <translation>For socially supported learners</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="276"/>
        <source>Atrašanās vieta</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="277"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="278"/>
        <source>Uzskaites dati</source>
        <translation>Inventory details</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="285"/>
        <source>Jaunais statuss</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="287"/>
        <source>Statusa maiņas pamatojums</source>
        <translation>Reason for the status change</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="288"/>
        <source>Pamatojums (nav obligāts)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="289"/>
        <source>Mainīt statusu</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="299"/>
        <source>Statusu vēsture</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="319"/>
        <location filename="../views/item_editor.py" line="326"/>
        <source>Izsniegšanas vēsture</source>
        <translation>Handover history</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="327"/>
        <source>Statusa maiņas</source>
        <translation>Status changes</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="328"/>
        <source>Statuss un vēsture</source>
        <translation>Status and history</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="342"/>
        <source>Lietotājs</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="352"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="356"/>
        <source>Pievienot</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="356"/>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="358"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="381"/>
        <source>Jauns resurss tiek pievienots statusā „Jauns“.</source>
        <translation>A new device is added with the status “New”.</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="424"/>
        <source>Šis resurss ir piesaistīts pieteikumam. Pieejams tas kļūst tikai pēc atgriešanas vai izsniegšanas atcelšanas sadaļā „Izsniegšana“.</source>
        <translation>This device is tied to an application. It becomes available only after its return or after the handover is cancelled in “Issuing desk”.</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="427"/>
        <source>No šī statusa manuāli mainīt nevar.</source>
        <translation>This status cannot be changed manually.</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="416"/>
        <source>Pašreizējais statuss: {0}</source>
        <translation>Current status: {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="453"/>
        <source>Katalogu labot var tikai administrators</source>
        <translation>Only an administrator can edit the catalogue</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="475"/>
        <source>Neizdevās saglabāt: negaidīta kļūda ({0}). Mēģiniet vēlreiz.</source>
        <translation>Could not save: unexpected error ({0}). Please try again.</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="548"/>
        <source>Izsniegšanas vēsture ({0})</source>
        <translation>Handover history ({0})</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="553"/>
        <source>Šobrīd resurss nav ne izsniegts, ne rezervēts.</source>
        <translation>The resource is neither issued nor reserved at the moment.</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="556"/>
        <source>Rezervēts</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="559"/>
        <source>, {0} klase</source>
        <translation>, class {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="562"/>
        <source>kopš {0}</source>
        <translation>since {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="564"/>
        <source>{0}, vēl nav izsniegts</source>
        <translation>{0}, not issued yet</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="568"/>
        <source>jāatgriež līdz {0}</source>
        <translation>due back by {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="570"/>
        <source>nokavēts</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="575"/>
        <source>akts Nr. {0}</source>
        <translation>act no. {0}</translation>
    </message>
    <message>
        <location filename="../views/item_editor.py" line="578"/>
        <source>Pieteikums</source>
        <translation>Application</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../views/catalogue_models.py" line="71"/>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="73"/>
        <source>Lietotājs</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="74"/>
        <source>Jāatgriež līdz</source>
        <translation>Due back by</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="75"/>
        <source>Ražotājs un modelis</source>
        <translation>Make and model</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="77"/>
        <source>Gads</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="78"/>
        <source>Vērtība, €</source>
        <translation>Value, €</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="80"/>
        <source>Atrašanās vieta</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="72"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="70"/>
        <source>Inventāra Nr.</source>
        <translation>Inventory no.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="76"/>
        <source>Sērijas Nr.</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="79"/>
        <source>Sociāli atbalstāmajiem</source>
        <translation>For socially supported</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="81"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="152"/>
        <source>Rezervēts kopš {0} ({1}); vēl nav izsniegts</source>
        <translation>Reserved since {0} ({1}); not issued yet</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="155"/>
        <source>Izsniegts {0}</source>
        <translation>Issued {0}</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="156"/>
        <source>Pieteikums {0}</source>
        <translation>Application {0}</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="158"/>
        <source>Akts Nr. {0}</source>
        <translation>Act no. {0}</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="160"/>
        <source>Jāatgriež līdz {0}</source>
        <translation>Due back by {0}</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="176"/>
        <source>{0} (rezervēts)</source>
        <translation>{0} (reserved)</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="191"/>
        <source>jā</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="198"/>
        <source>Konflikts</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="199"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="222"/>
        <source>Centrālais serviss šīs izmaiņas noraidīja: skatiet sadaļu „Konflikti“</source>
        <translation>The central service refused these changes: see “Conflicts”</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="246"/>
        <source>{0}, termiņš nokavēts</source>
        <translation>{0}, overdue</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="239"/>
        <source>Atgriešanas termiņš ir nokavēts</source>
        <translation>The return deadline has passed</translation>
    </message>
</context>
<context>
    <name>KindChecklistBox</name>
    <message>
        <location filename="../views/kind_checklist.py" line="50"/>
        <source>Komplektācija, ko pārbauda, pieņemot atpakaļ</source>
        <translation>Checklist checked when a device is taken back</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="59"/>
        <source>Komplektācijas pozīcijas</source>
        <translation>Checklist entries</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="72"/>
        <source>Piemēram, Lādētājs</source>
        <translation>For example, Charger</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="73"/>
        <source>Jauna komplektācijas pozīcija</source>
        <translation>New checklist entry</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="76"/>
        <source>Pievienot</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="78"/>
        <source>Noņemt</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="80"/>
        <source>Uz augšu</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="82"/>
        <source>Uz leju</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="84"/>
        <source>Saglabāt komplektāciju</source>
        <translation>Save checklist</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="92"/>
        <source>Pieņemot resursu atpakaļ, katru pozīciju atzīmē; ja kaut kas trūkst, tas jāapraksta piezīmēs un tiek norādīts atgriešanas aktā.</source>
        <translation>When a device is taken back each entry is ticked; anything missing must be described in the notes and is listed on the return act.</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="167"/>
        <source>Komplektāciju maina administrators</source>
        <translation>The checklist is changed by an administrator</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="181"/>
        <source>{0} no {1} pozīcijām</source>
        <translation>{0} of {1} entries</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="189"/>
        <source>Komplektācijā var būt ne vairāk kā {0} pozīcijas.</source>
        <translation>A checklist can have at most {0} entries.</translation>
    </message>
    <message>
        <location filename="../views/kind_checklist.py" line="194"/>
        <source>„{0}“ komplektācijā jau ir.</source>
        <translation>“{0}” is already on the checklist.</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="117"/>
        <source>{0} × {1} ({2}, %n uzlīmes)</source>
        <translation>
            <numerusform>{0} × {1} ({2}, %n label)</numerusform>
            <numerusform>{0} × {1} ({2}, %n labels)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="122"/>
        <source>Uzlīmes ar QR kodu</source>
        <translation>QR code labels</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalogue_page.py" line="132"/>
        <source>Uzlīmes %n resursiem.</source>
        <translation>
            <numerusform>Labels for %n device.</numerusform>
            <numerusform>Labels for %n devices.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="133"/>
        <source>QR kodā ir inventāra numurs: noskenējot to jebkurā meklēšanas laukā, resurss tiek atrasts.</source>
        <translation>The QR code holds the inventory number: scanned into any search field, it finds the device.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="135"/>
        <source>Uzlīmju loksne</source>
        <translation>Label sheet</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="136"/>
        <source>Sākt ar uzlīmi Nr.</source>
        <translation>Start at label no.</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="138"/>
        <source>Saglabāt PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../views/catalogue_page.py" line="139"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../lifecycle.py" line="162"/>
        <source>Sagatavot izsniegšanai…</source>
        <translation>Prepare for issue…</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="164"/>
        <source>Mainīt atgriešanas termiņu…</source>
        <translation>Change the return deadline…</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="173"/>
        <source>Izsniegt resursus drīkst izsniegšanas darbinieks vai administrators</source>
        <translation>Only the issuing desk or an administrator may issue devices</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="176"/>
        <source>Vienoties par saņemšanas vietu un laiku atlasītajiem piešķirtajiem pieteikumiem</source>
        <translation>Agree the pickup place and time for the selected granted applications</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="180"/>
        <source>Mainīt atlasīto pieteikumu resursu atgriešanas termiņu</source>
        <translation>Change the return deadline of the selected applications&apos; devices</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="188"/>
        <source>Vispirms izvēlieties pieteikumu sarakstā.</source>
        <translation>First choose an application in the list.</translation>
    </message>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="235"/>
        <source>Izsniegšanai sagatavoti %n pieteikumi</source>
        <translation>
            <numerusform>%n application prepared for issue</numerusform>
            <numerusform>%n applications prepared for issue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="292"/>
        <source>Atgriešanas termiņš mainīts %n pieteikumiem</source>
        <translation>
            <numerusform>Return deadline changed for %n application</numerusform>
            <numerusform>Return deadline changed for %n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../lifecycle.py" line="305"/>
        <source>Atgādinājums nosūtīts %n iesniedzējiem</source>
        <translation>
            <numerusform>Reminder sent to %n applicant</numerusform>
            <numerusform>Reminder sent to %n applicants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="255"/>
        <source>Atlasītajiem pieteikumiem nav izsniegšanas, kurai mainīt atgriešanas termiņu.</source>
        <translation>The selected applications have no handover whose return deadline could change.</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="258"/>
        <source>pieteikumam nav aktīvas izsniegšanas</source>
        <translation>the application has no active handover</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="320"/>
        <source>Reģistrēta nozaudēšana: {0}</source>
        <translation>Loss recorded: {0}</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="321"/>
        <source>Reģistrēta zādzība: {0}</source>
        <translation>Theft recorded: {0}</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="336"/>
        <source>Lieta slēgta: {0}</source>
        <translation>Case closed: {0}</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="350"/>
        <source>Izsniegts ar aktu uz papīra: {0}</source>
        <translation>Issued with a paper act: {0}</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="403"/>
        <source>… un vēl {0}</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../lifecycle.py" line="406"/>
        <source>Izdevās: {0}. Neizdevās: {1}.</source>
        <translation>Done: {0}. Not done: {1}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="29"/>
        <source>Resursi — {0}</source>
        <translation>Resursi — {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="33"/>
        <source>Sadaļas</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="52"/>
        <source>Bezsaistē</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="58"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="71"/>
        <location filename="../views/main_window.py" line="150"/>
        <source>Sinhronizēt tagad</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="73"/>
        <source>Sinhronizēt ar centrālo servisu (F5)</source>
        <translation>Sync with the central service (F5)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="75"/>
        <source>Darbības</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="84"/>
        <source>Iziet</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="133"/>
        <source>P&amp;ieteikums</source>
        <translation>&amp;Application</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="149"/>
        <source>Sinhronizē…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="167"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation>Waiting to sync: {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="169"/>
        <source>Konflikti: {0}</source>
        <translation>Conflicts: {0}</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../views/detail_page.py" line="284"/>
        <source>Piezīmes redz iestādes darbinieki visās darbstacijās; iesniedzējam tās netiek sūtītas.</source>
        <translation>Notes are seen by the school&apos;s staff on every workstation; they are not sent to the applicant.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="290"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="297"/>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="298"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="317"/>
        <source>Par garu: rakstzīmju skaits {0}, atļautas ne vairāk kā {1}</source>
        <translation>Too long: {0} characters, at most {1} allowed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="319"/>
        <source>{0} no {1} rakstzīmēm</source>
        <translation>{0} of {1} characters</translation>
    </message>
</context>
<context>
    <name>OfferedKindsModel</name>
    <message>
        <location filename="../views/catalogue_models.py" line="263"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="264"/>
        <source>Kam izsniedz</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="265"/>
        <source>Pieteikšanās</source>
        <translation>Applications open</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="266"/>
        <source>Dokumenti</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="267"/>
        <source>Resursi</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="268"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="281"/>
        <source>Atvērta</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="281"/>
        <source>Slēgta</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="283"/>
        <source>nav</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="288"/>
        <source>Konflikts</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../views/catalogue_models.py" line="289"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message numerus="yes">
        <location filename="../views/overdue_panel.py" line="75"/>
        <source>%n dienas</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="36"/>
        <source>Saglabāt kā</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="78"/>
        <source>Kavēta atgriešana</source>
        <translation>Overdue returns</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="97"/>
        <source>Mainīt termiņu…</source>
        <translation>Change deadline…</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="99"/>
        <source>Jauns atgriešanas termiņš visiem atlasītajiem resursiem</source>
        <translation>A new return deadline for all selected devices</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="101"/>
        <source>Pieņemt atpakaļ</source>
        <translation>Take back</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="103"/>
        <source>Ierakstīt nozaudēšanu…</source>
        <translation>Record loss…</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="105"/>
        <source>Iesniedzējs ziņoja, ka resurss nozaudēts vai nozagts</source>
        <translation>The applicant reported the device lost or stolen</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="107"/>
        <source>Atgādināt iesniedzējam</source>
        <translation>Remind the applicant</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="109"/>
        <source>Centrālais serviss atgādinās atlasīto resursu iesniedzējiem tos atgriezt</source>
        <translation>The central service reminds the applicants of the selected devices to return them</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="112"/>
        <source>Eksportēt CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="113"/>
        <source>Sarakstā redzamās rindas CSV failā</source>
        <translation>The rows shown in the list, as a CSV file</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="158"/>
        <source>Nav resursu ar nokavētu atgriešanas termiņu.</source>
        <translation>No devices are past their return date.</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="159"/>
        <source>Atgriešanas termiņš nokavēts: {0}</source>
        <translation>Past the return date: {0}</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="212"/>
        <source>CSV faili (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="221"/>
        <source>Saglabāts: {0} (rindas: {1})</source>
        <translation>Saved: {0} (rows: {1})</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="227"/>
        <source>Neizdevās saglabāt failu {0}.</source>
        <translation>Could not save the file {0}.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../views/passphrase_dialog.py" line="33"/>
        <source>Datu mapes parole</source>
        <translation>Data folder passphrase</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/passphrase_dialog.py" line="39"/>
        <source>Šajā datorā nav drošas paroļu glabātavas, tāpēc skolēnu datus šajā datu mapē aizsargās parole. Izvēlieties vismaz %n rakstzīmju garu paroli.</source>
        <translation>
            <numerusform>This computer has no secure keyring, so the learners&apos; data in this data folder will be protected by a passphrase. Choose a passphrase of at least %n character.</numerusform>
            <numerusform>This computer has no secure keyring, so the learners&apos; data in this data folder will be protected by a passphrase. Choose a passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="43"/>
        <source>Aizmirstu paroli atjaunot nevar: tad dati jāsinhronizē no centrālā servisa jaunā datu mapē.</source>
        <translation>A forgotten passphrase cannot be recovered: the data must then be synced from the central service into a new data folder.</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="46"/>
        <source>Ievadiet datu mapes paroli.</source>
        <translation>Enter the data folder&apos;s passphrase.</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="50"/>
        <source>Datu mape: {0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="52"/>
        <source>Datu mape</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="58"/>
        <source>Parole</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="59"/>
        <source>Parole:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="62"/>
        <source>Parole vēlreiz</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="64"/>
        <source>Parole vēlreiz:</source>
        <translation>Passphrase again:</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="69"/>
        <source>Parole neatver šo datu mapi; mēģiniet vēlreiz.</source>
        <translation>The passphrase does not open this data folder; try again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/passphrase_dialog.py" line="90"/>
        <source>Parolei jābūt vismaz %n rakstzīmju garai.</source>
        <translation>
            <numerusform>The passphrase must be at least %n character long.</numerusform>
            <numerusform>The passphrase must be at least %n characters long.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="93"/>
        <source>Abas paroles nesakrīt.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../views/passphrase_dialog.py" line="96"/>
        <source>Ievadiet paroli.</source>
        <translation>Enter the passphrase.</translation>
    </message>
</context>
<context>
    <name>PersonalCodeField</name>
    <message>
        <location filename="../views/detail_page.py" line="165"/>
        <location filename="../views/detail_page.py" line="190"/>
        <source>Rādīt</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="167"/>
        <source>Rādīt: {0}</source>
        <translation>Show: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="190"/>
        <source>Slēpt</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>PrepareAheadDialog</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="207"/>
        <source>Sagatavot izsniegšanai</source>
        <translation>Prepare for issue</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="318"/>
        <source>Nav pieejamu piemērotu resursu: resursu izvēlēsies izsniegšanas vietā.</source>
        <translation>No suitable device is available: the device will be chosen at the desk.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="221"/>
        <source>piemēram, Skolas 12. kabinets</source>
        <translation>e.g. school room 12</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="205"/>
        <source>Sagatavot izsniegšanai %n pieteikumus</source>
        <translation>
            <numerusform>Prepare %n application for issue</numerusform>
            <numerusform>Prepare %n applications for issue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/lifecycle_dialogs.py" line="213"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>%n application selected</numerusform>
            <numerusform>%n applications selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="222"/>
        <source>Saņemšanas vieta</source>
        <translation>Pickup place</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="234"/>
        <source>Saņemšanas datums</source>
        <translation>Pickup date</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="235"/>
        <source>Saņemšanas laiks no</source>
        <translation>Pickup time from</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="236"/>
        <source>Saņemšanas laiks līdz</source>
        <translation>Pickup time until</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="238"/>
        <source>Kontaktpersona</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="239"/>
        <source>vārds un uzvārds</source>
        <translation>first name and surname</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="242"/>
        <source>Kontaktpersonas tālrunis</source>
        <translation>Contact person&apos;s phone</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="243"/>
        <source>piemēram, +371 67 000 000 (nav obligāts)</source>
        <translation>e.g. +371 67 000 000 (optional)</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="245"/>
        <source>Atgriešanas termiņš:</source>
        <translation>Return deadline:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="246"/>
        <source>Noteikt atgriešanas termiņu</source>
        <translation>Set a return deadline</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="250"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="252"/>
        <source>nav noteikts</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="253"/>
        <source>Paziņot iesniedzējam</source>
        <translation>Notify the applicant</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="254"/>
        <source>Paziņot iesniedzējiem</source>
        <translation>Notify the applicants</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="258"/>
        <source>Centrālais serviss nosūtīs iesniedzējam saņemšanas vietu, laiku un kontaktus.</source>
        <translation>The central service will send the applicant the pickup place, time and contacts.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="260"/>
        <source>Centrālais serviss nosūtīs iesniedzējiem saņemšanas vietu, laiku un kontaktus.</source>
        <translation>The central service will send the applicants the pickup place, time and contacts.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="262"/>
        <source>Sagatavot</source>
        <translation>Prepare</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="304"/>
        <source>Rezervēt resursu:</source>
        <translation>Reserve a resource:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="305"/>
        <source>Rezervēt izvēlēto resursu</source>
        <translation>Reserve the chosen resource</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="306"/>
        <source>Resursu izvēlēsies izsniegšanas vietā</source>
        <translation>The resource will be chosen at the desk</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="326"/>
        <source>Pieteikumam jau rezervēts resurss {0}; to var nomainīt pret citu.</source>
        <translation>Resource {0} is already reserved for this application; it can be swapped for another.</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="347"/>
        <source>Saņemšanas &amp;vieta:</source>
        <translation>Pickup &amp;place:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="351"/>
        <source>no</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="353"/>
        <source>līdz</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="356"/>
        <source>Saņemšanas &amp;laiks:</source>
        <translation>Pickup &amp;time:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="357"/>
        <source>&amp;Kontaktpersona:</source>
        <translation>&amp;Contact person:</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="358"/>
        <source>&amp;Tālrunis:</source>
        <translation>P&amp;hone:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../views/import_dialog.py" line="59"/>
        <source>Rinda</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="60"/>
        <source>Inventāra numurs</source>
        <translation>Inventory number</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="61"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="62"/>
        <source>Ražotājs un modelis</source>
        <translation>Make and model</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="63"/>
        <source>Gads</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="64"/>
        <source>Vērtība</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="65"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="66"/>
        <source>Kļūdas</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="91"/>
        <source>✓ derīga</source>
        <translation>✓ valid</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <location filename="../views/customer_screen.py" line="114"/>
        <source>QR kods saņemšanas apstiprināšanai</source>
        <translation>QR code for confirming receipt</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="403"/>
        <source>Atteikt %n pieteikumus</source>
        <translation>
            <numerusform>Refuse %n application</numerusform>
            <numerusform>Refuse %n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/decision_dialogs.py" line="405"/>
        <source>Atlasīti %n pieteikumi</source>
        <translation>
            <numerusform>%n application selected</numerusform>
            <numerusform>%n applications selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="406"/>
        <source>Pamatojumu redzēs pieteikuma iesniedzējs.</source>
        <translation>The applicant will see the reason.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../views/reports_page.py" line="54"/>
        <source>Atvērtie pieteikumi</source>
        <translation>Open applications</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="247"/>
        <source>Pārskati</source>
        <extracomment>``load(kind, language)``: the core writes the report&apos;s texts in the UI language asked for the export file; tests replace it with a function returning a path</extracomment>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="55"/>
        <source>Resursi</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="56"/>
        <source>Izsniegtie resursi</source>
        <translation>Issued devices</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="57"/>
        <source>Kavēta atgriešana</source>
        <translation>Overdue returns</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="258"/>
        <source>Atsvaidzināt</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="259"/>
        <source>Eksportēt CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="260"/>
        <source>Eksportēt PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="277"/>
        <source>Pārskata tabula</source>
        <translation>Report table</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="325"/>
        <source>Neizdevās sagatavot pārskatu.</source>
        <translation>Could not prepare the report.</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="333"/>
        <source>Kopā: {n}</source>
        <translation>Total: {n}</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="334"/>
        <source>Nav ierakstu.</source>
        <translation>No entries.</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="346"/>
        <source>CSV faili (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="347"/>
        <source>PDF faili (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="355"/>
        <source>Neizdevās saglabāt failu {name}.</source>
        <translation>Could not save the file {name}.</translation>
    </message>
    <message>
        <location filename="../views/reports_page.py" line="360"/>
        <source>Saglabāts: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../views/return_dialog.py" line="75"/>
        <source>Resursa atgriešana</source>
        <translation>Device return</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="92"/>
        <source>&amp;Kā jauns</source>
        <translation>As &amp;new</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="92"/>
        <source>&amp;Labs</source>
        <translation>&amp;Good</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="93"/>
        <source>&amp;Apmierinošs</source>
        <translation>&amp;Fair</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="94"/>
        <source>&amp;Bojāts</source>
        <translation>&amp;Damaged</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="104"/>
        <source>&amp;Piezīmes (obligātas, ja kaut kas trūkst vai resurss ir bojāts)</source>
        <translation>&amp;Notes (required if anything is missing or the device is damaged)</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="108"/>
        <source>Piemēram, kas bojāts un kā, kas trūkst un kad to atnesīs</source>
        <translation>For example, what is damaged and how, what is missing and when it will be brought</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="124"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="137"/>
        <source>Komplektācija: atzīmējiet, kas atgriezts</source>
        <translation>Checklist: tick what came back</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="153"/>
        <source>Atzīmēt visu</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="199"/>
        <source>Izvēlieties resursa stāvokli.</source>
        <translation>Choose the device&apos;s condition.</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="204"/>
        <source>Trūkst: {0}. Aprakstiet piezīmēs, kas trūkst un kāpēc.</source>
        <translation>Missing: {0}. Describe in the notes what is missing and why.</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="211"/>
        <source>Piezīmes ir par garu: {0} rakstzīmes, atļautas ne vairāk kā {1}.</source>
        <translation>The notes are too long: {0} characters, at most {1} allowed.</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="122"/>
        <source>Pieņemt atpakaļ</source>
        <translation>Take back</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="89"/>
        <source>Stāvoklis</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../views/return_dialog.py" line="208"/>
        <source>Bojātam resursam aprakstiet bojājumu piezīmēs.</source>
        <translation>For a damaged device, describe the damage in the notes.</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../views/desk_page.py" line="83"/>
        <location filename="../views/incidents_panel.py" line="43"/>
        <location filename="../views/overdue_panel.py" line="64"/>
        <source>Pieteikums</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="84"/>
        <location filename="../views/incidents_panel.py" line="47"/>
        <location filename="../views/overdue_panel.py" line="65"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="85"/>
        <location filename="../views/overdue_panel.py" line="66"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="86"/>
        <location filename="../views/incidents_panel.py" line="46"/>
        <location filename="../views/overdue_panel.py" line="67"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="87"/>
        <source>Resursa veids</source>
        <translation>Resource kind</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="89"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="779"/>
        <location filename="../views/overdue_panel.py" line="72"/>
        <source>Termiņš</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="44"/>
        <source>Ziņojums</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../views/incidents_panel.py" line="45"/>
        <source>Ziņots</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="68"/>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="69"/>
        <source>E-pasts</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../views/desk_page.py" line="88"/>
        <location filename="../views/incidents_panel.py" line="48"/>
        <location filename="../views/overdue_panel.py" line="71"/>
        <source>Inventāra Nr.</source>
        <translation>Inventory no.</translation>
    </message>
    <message>
        <location filename="../views/overdue_panel.py" line="73"/>
        <source>Kavēts</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>SchoolDeadlineBox</name>
    <message>
        <location filename="../views/school_deadline.py" line="41"/>
        <source>Skolas noklusētais atgriešanas termiņš</source>
        <translation>The school&apos;s default return deadline</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="47"/>
        <source>Resursi jāatgriež līdz</source>
        <translation>Devices are due back by</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="48"/>
        <source>Ir noklusētais atgriešanas termiņš</source>
        <translation>There is a default return deadline</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="52"/>
        <source>Noklusētais atgriešanas termiņš</source>
        <translation>Default return deadline</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="53"/>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="57"/>
        <source>Jaunām izsniegšanām, ja termiņu neizvēlas citu (piemēram, mācību gada beigas). Visām skolas darbstacijām.</source>
        <translation>For new handovers unless another deadline is chosen (for example the end of the school year). For all the school&apos;s workstations.</translation>
    </message>
    <message>
        <location filename="../views/school_deadline.py" line="73"/>
        <source>Noklusēto termiņu maina administrators</source>
        <translation>Only an administrator changes the default deadline</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="48"/>
        <source>Iestatījumi — Resursi</source>
        <translation>Settings — Resursi</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="54"/>
        <source>sistēmas sertifikāti</source>
        <translation>system certificates</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="56"/>
        <source>Iestādes sertifikātu fails (CA)</source>
        <translation>Institution certificate file (CA)</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="66"/>
        <location filename="../views/settings_dialog.py" line="68"/>
        <source>ik pēc {0} s</source>
        <translation>every {0} s</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="67"/>
        <source>ik pēc {0} min</source>
        <translation>every {0} min</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="75"/>
        <source>Pašlaik izmantotā mape: {0}</source>
        <translation>Folder in use now: {0}</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="85"/>
        <source>Atgriešanas termiņš (diena un mēnesis)</source>
        <translation>Return deadline (day and month)</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="88"/>
        <source>Centrālā servisa adrese:</source>
        <translation>Central service address:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="89"/>
        <source>Iestādes sertifikātu fails (CA):</source>
        <translation>Institution certificate file (CA):</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="91"/>
        <source>QR koda adreses veidne:</source>
        <translation>QR code address template:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="92"/>
        <source>Veidnē {application_id} aizstāj ar pieteikuma identifikatoru reģistrā (nevis pieteikuma numuru), {receipt_token} – ar izsniegšanas slepeno kodu; ja veidnē tā nav, kodu pievieno kā ?receipt=…</source>
        <translation>In the template {application_id} is replaced by the application&apos;s id in the register (not its number), {receipt_token} by the handover&apos;s secret code; a template without it gets the code as ?receipt=…</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="115"/>
        <source>Valodas, datu mapes un centrālā servisa maiņa stāsies spēkā pēc programmas restartēšanas.</source>
        <translation>Changes of language, data folder and central service take effect after the app is restarted.</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="98"/>
        <source>Valoda:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="99"/>
        <source>Sinhronizēt:</source>
        <translation>Sync:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="100"/>
        <source>Datu mape:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="102"/>
        <source>Atgriešanas termiņš:</source>
        <translation>Return deadline:</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="104"/>
        <source>Diena un mēnesis (DD.MM.), kad mācību gada beigās jāatgriež resursi; to piedāvā, sagatavojot izsniegšanu.</source>
        <translation>The day and month (DD.MM.) devices are due back at the end of the school year; offered when preparing an issue.</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="123"/>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="124"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="138"/>
        <source>Izvēlēties…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="144"/>
        <source>Sertifikātu fails</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="145"/>
        <source>PEM sertifikāti (*.pem *.crt);;Visi (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All (*)</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="80"/>
        <location filename="../views/settings_dialog.py" line="150"/>
        <source>Datu mape</source>
        <translation>Data folder</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../views/sign_in_dialog.py" line="83"/>
        <source>Pierakstīšanās — Resursi</source>
        <translation>Sign in — Resursi</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="95"/>
        <location filename="../views/sign_in_dialog.py" line="276"/>
        <source>Pierakstīties</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="97"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="103"/>
        <source>Paziņojums</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="107"/>
        <source>Izglītības resursu izsniegšana</source>
        <translation>Lending of educational devices</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="134"/>
        <source>piemēram, ilze.kalnina</source>
        <translation>for example, ilze.kalnina</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="138"/>
        <source>Centrālā servisa adrese:</source>
        <translation>Central service address:</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="139"/>
        <source>Lietotājvārds:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="140"/>
        <source>Parole:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="152"/>
        <source>Jūs strādājat vairākās iestādēs. Izvēlieties, kurā strādāsiet tagad:</source>
        <translation>You work at several institutions. Choose the one to work in now:</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="155"/>
        <source>Iestādes</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="181"/>
        <source>Atjauno pierakstīšanos…</source>
        <translation>Restoring your sign-in…</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="188"/>
        <source>Lūdzu, pierakstieties vēlreiz: {0}</source>
        <translation>Please sign in again: {0}</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="202"/>
        <source>Izvēlieties iestādi.</source>
        <translation>Choose an institution.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="215"/>
        <source>Ierakstiet lietotājvārdu.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="219"/>
        <source>Ierakstiet paroli.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="225"/>
        <source>Pierakstās…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="236"/>
        <source>Šim lietotājam nav tiesību strādāt nevienā iestādē. Sazinieties ar iestādes administratoru.</source>
        <translation>This user may not work at any institution. Contact your institution&apos;s administrator.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="261"/>
        <source>Turpināt</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="268"/>
        <source>Nav savienojuma ar centrālo servisu, un pēdējās pierakstīšanās lomu nevar apstiprināt. Varat turpināt tikai skatīšanai; lai strādātu, pierakstieties vēlreiz, kad būs savienojums.</source>
        <translation>There is no connection to the central service, and the role of the last sign-in cannot be confirmed. You can go on read-only; to work, sign in again once there is a connection.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="277"/>
        <source>Turpināt tikai skatīšanai</source>
        <translation>Continue read-only</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="284"/>
        <source>Pierakstīties neizdevās ({0}).</source>
        <translation>Sign-in failed ({0}).</translation>
    </message>
</context>
<context>
    <name>SignOnPaperDialog</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="764"/>
        <source>Parakstīts uz papīra</source>
        <translation>Signed on paper</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="767"/>
        <source>Izdrukātais pieņemšanas-nodošanas akts Nr. {0}</source>
        <translation>Printed handover act No. {0}</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="769"/>
        <location filename="../views/lifecycle_dialogs.py" line="770"/>
        <source>Iesniedzējs parakstīja izdrukāto aktu</source>
        <translation>The applicant signed the printed act</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="772"/>
        <source>Pievienot skenējumu…</source>
        <translation>Add a scan…</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="773"/>
        <location filename="../views/lifecycle_dialogs.py" line="774"/>
        <source>Parakstītā akta skenējums</source>
        <translation>Scan of the signed act</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="775"/>
        <source>Parakstītās lapas skenējums (nav obligāts):</source>
        <translation>Scan of the signed page (optional):</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="777"/>
        <source>Reģistrēt izsniegšanu</source>
        <translation>Record the issue</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="788"/>
        <source>Resurss tiks atzīmēts kā izsniegts, un akts tiks pievienots pieteikumam.</source>
        <translation>The device will be marked as issued and the act filed with the application.</translation>
    </message>
</context>
<context>
    <name>SignOut</name>
    <message>
        <location filename="../views/sign_in_dialog.py" line="324"/>
        <source>Izrakstīties?</source>
        <translation>Sign out?</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="327"/>
        <source>Tie paliek šajā datorā un tiks nosūtīti pēc nākamās pierakstīšanās. Lai tie nonāktu servisā jau tagad, vispirms sinhronizējiet.</source>
        <translation>They stay on this computer and will be sent after the next sign-in. To get them to the service now, sync first.</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="331"/>
        <source>Vispirms sinhronizēt</source>
        <translation>Sync first</translation>
    </message>
    <message>
        <location filename="../views/sign_in_dialog.py" line="334"/>
        <source>Izrakstīties tik un tā</source>
        <translation>Sign out anyway</translation>
    </message>
</context>
<context>
    <name>StockReasonsDialog</name>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="87"/>
        <source>Gatavie pamatojumi</source>
        <translation>Stock reasons</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="90"/>
        <source>Atteikuma un atlikšanas logā šie pamatojumi ir piedāvāti virs teksta lauka: izvēlētais aizpilda pamatojumu, ko vēl var labot.</source>
        <translation>The refuse and defer dialogs offer these reasons above the text field: the one picked fills in the reason, which can still be edited.</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="95"/>
        <source>Atteikumam</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="96"/>
        <source>Atlikšanai</source>
        <translation>Deferral</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="97"/>
        <source>Lēmuma veids</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="105"/>
        <source>Pamatojumi</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="106"/>
        <source>Delete dzēš, Ctrl+↑ un Ctrl+↓ pārvieto</source>
        <translation>Delete removes, Ctrl+↑ and Ctrl+↓ move</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="113"/>
        <source>&amp;Teksts:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="116"/>
        <source>Pamatojuma teksts</source>
        <translation>Reason text</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="121"/>
        <source>Pievienot kā jaunu</source>
        <translation>Add as new</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="122"/>
        <source>Saglabāt labojumu</source>
        <translation>Save change</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="123"/>
        <source>Dzēst</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="124"/>
        <source>Uz augšu</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="125"/>
        <source>Uz leju</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="126"/>
        <source>Atjaunot noklusētos</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="128"/>
        <source>Aizmirst skolas sarakstu un atkal piedāvāt programmas noklusētos pamatojumus</source>
        <translation>Forget the school&apos;s list and offer the built-in reasons again</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="141"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="145"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="205"/>
        <source>Skola vēl nav saglabājusi savu sarakstu: rādīti programmas noklusētie pamatojumi. Pirmā izmaiņa tos saglabā kā skolas sarakstu.</source>
        <translation>The school has not saved a list of its own: the built-in reasons are shown. The first change keeps them as the school&apos;s list.</translation>
    </message>
    <message>
        <location filename="../views/stock_reasons_dialog.py" line="208"/>
        <source>Skolas saraksts: {0} no {1} pamatojumiem</source>
        <translation>The school&apos;s list: {0} of {1} reasons</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../syncing.py" line="92"/>
        <source>Tiešsaistē · sinhronizēts {0}</source>
        <translation>Online · synced {0}</translation>
    </message>
    <message>
        <location filename="../syncing.py" line="121"/>
        <source>Bezsaistē · {0} · nākamais mēģinājums pēc {1} s</source>
        <translation>Offline · {0} · next attempt in {1} s</translation>
    </message>
    <message>
        <location filename="../syncing.py" line="122"/>
        <source>sinhronizācija neizdevās</source>
        <translation>the sync failed</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../views/templates_page.py" line="202"/>
        <source>Jauna dokumenta veidne</source>
        <translation>New document template</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="204"/>
        <source>Labot veidni „{0}“</source>
        <translation>Edit template “{0}”</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="206"/>
        <source>Veidne „{0}“</source>
        <translation>Template “{0}”</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="211"/>
        <location filename="../views/templates_page.py" line="283"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="215"/>
        <source>Dokumenta veids</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="219"/>
        <location filename="../views/templates_page.py" line="289"/>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="220"/>
        <source>piem., Pieņemšanas-nodošanas akts (portatīvie datori)</source>
        <translation>e.g. Handover act (laptops)</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="223"/>
        <location filename="../views/templates_page.py" line="291"/>
        <source>Spēkā no</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="224"/>
        <source>līdz</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="225"/>
        <source>Ir beigu datums</source>
        <translation>Has a last day</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="226"/>
        <source>Bez beigu datuma veidne ir spēkā, līdz to aizstāj veidne ar vēlāku sākuma datumu</source>
        <translation>Without a last day the template is in force until one with a later first day replaces it</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="228"/>
        <source>Spēkā līdz</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="234"/>
        <source>Veidnes teksts</source>
        <translation>Template text</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="236"/>
        <source>Dokumenta teksts; aizstājamos laukus ievietojiet no saraksta labajā pusē</source>
        <translation>The document&apos;s text; insert placeholders from the list on the right</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="239"/>
        <location filename="../views/templates_page.py" line="308"/>
        <source>Aizstājamie lauki</source>
        <translation>Placeholders</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="241"/>
        <location filename="../views/templates_page.py" line="313"/>
        <source>Dubultklikšķis vai Enter ievieto lauku teksta kursora vietā</source>
        <translation>Double-click or Enter inserts the placeholder at the text cursor</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="252"/>
        <source>Ievietot</source>
        <translation>Insert</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="253"/>
        <source>Ievietot lauku tekstā</source>
        <translation>Insert the placeholder into the text</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="261"/>
        <source>Priekšskatījums</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="276"/>
        <location filename="../views/templates_page.py" line="334"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="285"/>
        <source>Dokuments</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="304"/>
        <source>Teksts</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="317"/>
        <source>Priekšskatījums ar parauga datiem</source>
        <translation>Preview with sample data</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="337"/>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="340"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="340"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="391"/>
        <source>Saglabātas veidnes resursa veidu mainīt nevar; izveidojiet jaunu veidni citam veidam</source>
        <translation>A saved template&apos;s device type cannot be changed; create a new template for another type</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="478"/>
        <source>Neizdevās saglabāt: negaidīta kļūda ({0}). Mēģiniet vēlreiz.</source>
        <translation>Could not save: unexpected error ({0}). Please try again.</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <location filename="../views/templates_page.py" line="101"/>
        <source>no {0}</source>
        <translation>from {0}</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="110"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="111"/>
        <source>Dokuments</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="112"/>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="113"/>
        <source>Spēkā no – līdz</source>
        <translation>Valid from – to</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="114"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="115"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="134"/>
        <source>Spēkā</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="136"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="155"/>
        <source>Šo veidni izmanto dokumentiem, kas tiek sagatavoti šodien</source>
        <translation>Documents drawn up today use this template</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../views/templates_page.py" line="84"/>
        <source>Akta teksts</source>
        <translation>Act text</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="86"/>
        <source>Lietošanas noteikumi</source>
        <translation>Usage rules</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="91"/>
        <source>Veidnes labot var tikai administrators</source>
        <translation>Only administrators can edit templates</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="529"/>
        <source>Izvēlieties resursa veidu, kuram ir šī veidne</source>
        <translation>Choose the device type this template is for</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="556"/>
        <source>Akta teksts un lietošanas noteikumi katram resursa veidam. Dokumentam izmanto veidni, kas ir spēkā tā sagatavošanas dienā (no vairākām — ar vēlāko sākuma datumu). Saglabātās veidnes tiek publicētas centrālajā servisā nākamajā sinhronizācijā.</source>
        <translation>The act&apos;s text and the usage rules for each device type. A document uses the template in force on the day it is drawn up (of several, the one that starts last). Saved templates are published on the central service at the next sync.</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="562"/>
        <source>Jauna veidne…</source>
        <translation>New template…</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="564"/>
        <location filename="../views/templates_page.py" line="615"/>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="573"/>
        <source>Dokumentu veidnes</source>
        <translation>Document templates</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="612"/>
        <source>Iestādei vēl nav neviena resursu veida</source>
        <translation>The school offers no device type yet</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="615"/>
        <source>Skatīt…</source>
        <translation>View…</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="627"/>
        <source>Darbību neizdevās pabeigt: negaidīta kļūda ({0}).</source>
        <translation>The action could not be completed: unexpected error ({0}).</translation>
    </message>
    <message>
        <location filename="../views/templates_page.py" line="701"/>
        <source>Veidne saglabāta; tā tiks publicēta centrālajā servisā nākamajā sinhronizācijā.</source>
        <translation>Template saved; it will be published on the central service at the next sync.</translation>
    </message>
</context>
<context>
    <name>WorkstationsDialog</name>
    <message>
        <location filename="../views/workstations_dialog.py" line="95"/>
        <location filename="../views/workstations_dialog.py" line="106"/>
        <source>Darbstacijas</source>
        <translation>Workstations</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="99"/>
        <source>Datori, kas sinhronizē skolas datus ar centrālo servisu. Ja dators ir pazudis vai nodots citam, atsauciet to: nākamajā savienojuma reizē tas dzēsīs savu lokālo datu kopiju.</source>
        <translation>Computers that sync the school&apos;s data with the central service. If a computer is lost or given to someone else, revoke it: at its next connection it erases its local copy of the data.</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="122"/>
        <source>Stāvoklis</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="126"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="129"/>
        <source>Atsaukt…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="130"/>
        <location filename="../views/workstations_dialog.py" line="215"/>
        <source>Atsaukt darbstaciju</source>
        <translation>Revoke workstation</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="133"/>
        <location filename="../views/workstations_dialog.py" line="134"/>
        <source>Atjaunot sarakstu</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="139"/>
        <location filename="../views/workstations_dialog.py" line="140"/>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="168"/>
        <source>Saraksts tiek ielādēts…</source>
        <translation>Loading the list…</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="181"/>
        <source>Nevienas darbstacijas vēl nav.</source>
        <translation>No workstations yet.</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="182"/>
        <source>Darbstacijas: {0}, no tām atsauktas: {1}</source>
        <translation>Workstations: {0}, revoked: {1}</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="199"/>
        <source>Šo darbstaciju nevar atsaukt no tās pašas</source>
        <translation>This workstation cannot be revoked from itself</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="201"/>
        <source>Šī darbstacija jau ir atsaukta</source>
        <translation>This workstation is already revoked</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="216"/>
        <source>Atsaukt darbstaciju „{0}“ (pēdējais lietotājs: {1})?</source>
        <translation>Revoke the workstation “{0}” (last user: {1})?</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="220"/>
        <source>Nākamajā savienojuma reizē ar centrālo servisu šis dators dzēsīs savu lokālo datu kopiju. Darbs, ko tajā vēl nav nosūtīts, tiks zaudēts. Atsaukumu nevar atcelt.</source>
        <translation>At its next connection to the central service this computer will erase its local copy of the data. Work not yet sent from it will be lost. A revocation cannot be undone.</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="223"/>
        <source>Atsaukt</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="224"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="233"/>
        <source>Darbstacija tiek atsaukta…</source>
        <translation>Revoking the workstation…</translation>
    </message>
</context>
<context>
    <name>WorkstationsModel</name>
    <message>
        <location filename="../views/workstations_dialog.py" line="47"/>
        <source>Nosaukums</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="48"/>
        <source>Lietotājs</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="49"/>
        <source>Pēdējā sinhronizācija</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="50"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="67"/>
        <source>(bez nosaukuma)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="68"/>
        <source>{0} (šī)</source>
        <translation>{0} (this one)</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="74"/>
        <source>Atsaukta {0}</source>
        <translation>Revoked {0}</translation>
    </message>
    <message>
        <location filename="../views/workstations_dialog.py" line="75"/>
        <source>Aktīva</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>_Files</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="536"/>
        <source>Noņemt</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="537"/>
        <source>Noņemt atlasīto failu</source>
        <translation>Remove the selected file</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="577"/>
        <source>Ne vairāk kā {0} pielikumi</source>
        <translation>At most {0} attachments</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="246"/>
        <source>&amp;Gatavie pamatojumi:</source>
        <translation>&amp;Stock reasons:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="248"/>
        <source>Gatavie pamatojumi</source>
        <translation>Stock reasons</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="251"/>
        <source>Bultiņas izvēlas pamatojumu, Enter apstiprina; tekstu zemāk var labot</source>
        <translation>Arrows pick a reason, Enter confirms; the text below stays editable</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="257"/>
        <source>&amp;Pamatojums:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="260"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="266"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="269"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="355"/>
        <source>Pamatojums ir par garu: atļautas ne vairāk kā {0} rakstzīmes</source>
        <translation>The reason is too long: at most {0} characters are allowed</translation>
    </message>
</context>
<context>
    <name>_SearchList</name>
    <message>
        <location filename="../views/desk_page.py" line="136"/>
        <source>Sarakstu neizdevās nolasīt ({0}).</source>
        <translation>Could not read the list ({0}).</translation>
    </message>
</context>
<context>
    <name>_SignOutCount</name>
    <message numerus="yes">
        <location filename="../views/sign_in_dialog.py" line="317"/>
        <source>%n lēmumi vēl nav nosūtīti centrālajam servisam.</source>
        <translation>
            <numerusform>%n decision has not been sent to the central service yet.</numerusform>
            <numerusform>%n decisions have not been sent to the central service yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TimelineList</name>
    <message>
        <location filename="../views/detail_page.py" line="205"/>
        <source>Kopēt</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="722"/>
        <source>nav iestādes datu</source>
        <translation>no institution data</translation>
    </message>
    <message>
        <location filename="../app.py" line="368"/>
        <source>Pieteikumi</source>
        <extracomment>asked before signing out with decisions not yet sent; tests replace it</extracomment>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../app.py" line="369"/>
        <source>Katalogs</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../app.py" line="370"/>
        <source>Pārskati</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../app.py" line="371"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../app.py" line="375"/>
        <source>Izsniegšana</source>
        <translation>Issuing desk</translation>
    </message>
    <message>
        <location filename="../app.py" line="377"/>
        <source>Audita žurnāls</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../app.py" line="426"/>
        <source>&amp;Programma</source>
        <translation>&amp;Program</translation>
    </message>
    <message>
        <location filename="../app.py" line="429"/>
        <source>Iestatījumi…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../app.py" line="434"/>
        <source>Gatavie pamatojumi…</source>
        <translation>Stock reasons…</translation>
    </message>
    <message>
        <location filename="../app.py" line="443"/>
        <source>Darbstacijas…</source>
        <translation>Workstations…</translation>
    </message>
    <message>
        <location filename="../app.py" line="449"/>
        <source>Izrakstīties</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../app.py" line="451"/>
        <source>Izrakstīties un aizmirst saglabāto pierakstīšanos šajā datorā</source>
        <translation>Sign out and forget the saved sign-in on this computer</translation>
    </message>
    <message>
        <location filename="../app.py" line="458"/>
        <source>&amp;Palīdzība</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../app.py" line="459"/>
        <source>Par programmu…</source>
        <translation>About…</translation>
    </message>
    <message>
        <location filename="../app.py" line="473"/>
        <source>nav (bezsaistes darbs)</source>
        <translation>none (working offline)</translation>
    </message>
    <message>
        <location filename="../app.py" line="475"/>
        <source>Resursi {0}

Datu mape: {1}
Centrālais serviss: {2}</source>
        <translation>Resursi {0}

Data folder: {1}
Central service: {2}</translation>
    </message>
    <message>
        <location filename="../app.py" line="479"/>
        <source>Par programmu Resursi</source>
        <translation>About Resursi</translation>
    </message>
    <message>
        <location filename="../app.py" line="490"/>
        <source>Izmaiņas stāsies spēkā pēc programmas restartēšanas.</source>
        <translation>The changes take effect after the app is restarted.</translation>
    </message>
    <message>
        <location filename="../app.py" line="603"/>
        <source>Bezsaistē · sinhronizācijas iestatījumi nav derīgi: {0}</source>
        <translation>Offline · the sync settings are not valid: {0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="624"/>
        <source>Pierakstās…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../app.py" line="647"/>
        <source>Dažus failus neizdevās izdzēst; izdzēsiet datu mapi {0} pašrocīgi.</source>
        <translation>Some files could not be erased; delete the data folder {0} yourself.</translation>
    </message>
    <message>
        <location filename="../app.py" line="687"/>
        <source>Pierakstīšanās ir beigusies. Ierakstiet paroli, lai turpinātu sinhronizāciju; līdz tam izmaiņas paliek šajā datorā.</source>
        <translation>Your sign-in has expired. Enter your password to go on syncing; until then, changes stay on this computer.</translation>
    </message>
    <message>
        <location filename="../app.py" line="840"/>
        <source>Bezsaistē tikai skatīšanai: lomu nevar apstiprināt; pierakstieties vēlreiz, kad būs savienojums.</source>
        <translation>Offline, read-only: the role cannot be confirmed; sign in again once there is a connection.</translation>
    </message>
    <message>
        <location filename="../app.py" line="877"/>
        <source>Demonstrācijas centrālo servisu neizdevās palaist ({0}); programma darbosies bezsaistē.</source>
        <translation>Could not start the demo central service ({0}); the app will work offline.</translation>
    </message>
</context>
<context>
    <name>decision_dialogs</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="102"/>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="398"/>
        <source>Atteikt pieteikumu</source>
        <translation>Refuse application</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="399"/>
        <source>Atteikt</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="400"/>
        <source>Jānorāda atteikuma pamatojums</source>
        <translation>Give a reason for the refusal</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="418"/>
        <source>Atlikt pieteikuma izskatīšanu</source>
        <translation>Postpone reviewing the application</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="419"/>
        <source>Atlikt</source>
        <translation>Postpone</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="420"/>
        <source>Jānorāda atlikšanas pamatojums</source>
        <translation>Give a reason for postponing</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="60"/>
        <location filename="../views/decision_dialogs.py" line="448"/>
        <source>Darbību neizdevās pabeigt: negaidīta kļūda ({0}). Mēģiniet vēlreiz; ja kļūda atkārtojas, sazinieties ar atbalsta dienestu.</source>
        <translation>The action could not be completed: unexpected error ({0}). Please try again; if the error keeps happening, contact support.</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="453"/>
        <source>Darbība netika veikta</source>
        <translation>The action was not carried out</translation>
    </message>
</context>
<context>
    <name>lifecycle_dialogs</name>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="115"/>
        <source>Fails {0} ir lielāks par 20 MB</source>
        <translation>The file {0} is larger than 20 MB</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="121"/>
        <source>Failu {0} neizdevās nolasīt</source>
        <translation>The file {0} could not be read</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="124"/>
        <source>Fails {0} ir tukšs</source>
        <translation>The file {0} is empty</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="130"/>
        <source>Fails {0} nav PDF, PNG vai JPEG fails</source>
        <translation>The file {0} is not a PDF, PNG or JPEG file</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="137"/>
        <source>PDF, PNG vai JPEG (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF, PNG or JPEG (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../views/lifecycle_dialogs.py" line="164"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <location filename="../views/inbox_page.py" line="396"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
</context>
</TS>
