<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="lv">
<context>
    <name>ApplicationDetailView</name>
    <message>
        <location filename="../views/detail_page.py" line="248"/>
        <location filename="../views/detail_page.py" line="443"/>
        <source>Izvēlieties pieteikumu sarakstā</source>
        <translation>Select an application in the list</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="256"/>
        <location filename="../views/detail_page.py" line="360"/>
        <source>Aizbildnības pārbaude</source>
        <translation>Guardianship check</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="256"/>
        <location filename="../views/detail_page.py" line="587"/>
        <source>Atgriešanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="257"/>
        <location filename="../views/detail_page.py" line="381"/>
        <source>Atsaukšanas iemesls</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="257"/>
        <location filename="../views/detail_page.py" line="380"/>
        <source>Izskatīt atkārtoti</source>
        <translation>Review again on</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="305"/>
        <source>Pieteikuma numurs</source>
        <translation>Application number</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="308"/>
        <source>Pieteikuma statuss</source>
        <translation>Application status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="316"/>
        <source>Izsniegšanas statuss</source>
        <translation>Handover status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="318"/>
        <source>Pieprasītais resurss</source>
        <translation>Requested device</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="355"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="356"/>
        <location filename="../views/detail_page.py" line="363"/>
        <source>Vārds, uzvārds</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="357"/>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="358"/>
        <source>Iesniedzēja personas kods</source>
        <translation>Applicant&apos;s personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="359"/>
        <location filename="../views/detail_page.py" line="366"/>
        <source>Personas kods</source>
        <translation>Personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="362"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="364"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="365"/>
        <source>Izglītojamā personas kods</source>
        <translation>Learner&apos;s personal code</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="368"/>
        <source>Sociālais statuss</source>
        <translation>Social status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="369"/>
        <source>Dokumenti</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="371"/>
        <source>Kontakti</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="372"/>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="373"/>
        <source>E-pasts</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="374"/>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="376"/>
        <source>Lēmums</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="377"/>
        <location filename="../views/detail_page.py" line="583"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="378"/>
        <source>Statuss mainīts</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="379"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="383"/>
        <source>Izsniegšana</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="385"/>
        <source>Vēsture</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="387"/>
        <source>Statusu vēsture</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="453"/>
        <source>Pieteikums nav atrasts: iespējams, tas ir dzēsts vai pieder citai iestādei.</source>
        <translation>Application not found: it may have been deleted or may belong to another institution.</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="466"/>
        <source>Neizdevās nolasīt pieteikumu ({0})</source>
        <translation>Could not read the application ({0})</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="482"/>
        <source>Iesniegts {0}</source>
        <translation>Submitted {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="484"/>
        <source>Konflikts ar centrālo servisu</source>
        <translation>Conflict with the central service</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="488"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation>Waiting to sync: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="491"/>
        <source>Sinhronizēts</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="534"/>
        <source>{0} (nav norādīts)</source>
        <translation>{0} (not specified)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="538"/>
        <source>Apstiprināts VIIS</source>
        <translation>Confirmed in VIIS</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="543"/>
        <source>Nav apstiprināts</source>
        <translation>Not confirmed</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="552"/>
        <source>{0} (nav apstiprinātu dokumentu)</source>
        <translation>{0} (no acknowledged documents)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="556"/>
        <source>{0}
{1} · apstiprināts {2}</source>
        <translation>{0}
{1} · acknowledged {2}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="565"/>
        <source>{0} (resurss vēl nav sinhronizēts)</source>
        <translation>{0} (device not synced yet)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="572"/>
        <source>{0} (resurss nav piešķirts)</source>
        <translation>{0} (no device granted)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="582"/>
        <source>Akts</source>
        <translation>Handover act</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="584"/>
        <source>Resurss</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="585"/>
        <source>Sagatavots</source>
        <translation>Prepared</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="586"/>
        <source>Izsniegts</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="590"/>
        <source>Atgriezts</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="594"/>
        <source>Stāvoklis</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="596"/>
        <source>Atcelšanas iemesls</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="601"/>
        <source>{0}
ziņots {1}</source>
        <translation>{0}
reported {1}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="605"/>
        <source>Incidents</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="612"/>
        <source>Izsniegšana: {0}</source>
        <translation>Handover: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="613"/>
        <source>e-pakalpojums</source>
        <translation>e-service</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="630"/>
        <source>Notikums no e-pakalpojuma (centrālā servisa)</source>
        <translation>Event from the e-service (central service)</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="633"/>
        <source>{0} (vēstures ierakstu nav)</source>
        <translation>{0} (no history entries)</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../views/conflicts_panel.py" line="287"/>
        <source>Vēlākas darbības ar šo ierakstu, kas gaida šī konflikta atrisināšanu</source>
        <translation>Later actions on this record that are waiting for this conflict to be resolved</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../views/conflicts_panel.py" line="403"/>
        <source>Konflikti ar centrālo servisu</source>
        <extracomment>asked before discarding (and before re-applying drops waiting commands); tests replace it with a plain function answering True or False</extracomment>
        <translation>Conflicts with the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="409"/>
        <source>Šos lēmumus centrālais serviss nepieņēma, jo ieraksts tur bija mainījies vai darbība vairs nebija atļauta. Salīdziniet savu lēmumu ar servisa stāvokli un izvēlieties: piemērot lēmumu vēlreiz jaunajam stāvoklim vai to atmest.</source>
        <translation>The central service did not accept these decisions because the record had changed there or the action was no longer allowed. Compare your decision with the state in the service and choose: apply the decision again to the new state, or discard it.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="418"/>
        <source>Paziņojums</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="423"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="436"/>
        <source>Jūsu lēmums</source>
        <translation>Your decision</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="437"/>
        <source>Centrālajā servisā</source>
        <translation>In the central service</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="443"/>
        <location filename="../views/conflicts_panel.py" line="595"/>
        <source>Piemērot vēlreiz</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="445"/>
        <source>Pieņemt to pašu lēmumu vēlreiz, ņemot vērā centrālā servisa pašreizējo stāvokli</source>
        <translation>Make the same decision again, taking the current state in the central service into account</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="446"/>
        <location filename="../views/conflicts_panel.py" line="613"/>
        <source>Atmest</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="448"/>
        <source>Atmest savu lēmumu; paliek centrālā servisa stāvoklis</source>
        <translation>Discard your decision; the state in the central service stays</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="486"/>
        <source>Nolasa…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="522"/>
        <source>Konfliktu nav</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="535"/>
        <source>Neizdevās nolasīt konfliktus ({0})</source>
        <translation>Could not read the conflicts ({0})</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="572"/>
        <source>Aiz šī lēmuma gaida vēl {0} darbība(s) ar to pašu ierakstu. Gan atmetot, gan piemērojot vēlreiz, tās tiks atmestas; vajadzības gadījumā pieņemiet tās vēlreiz.</source>
        <translation>{0} more action(s) on the same record are waiting behind this decision. Whether you discard it or apply it again, they will be discarded; if needed, make them again.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="591"/>
        <source>Piemērot vēlreiz?</source>
        <translation>Apply again?</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="592"/>
        <source>Lēmums “{0}” tiks pieņemts vēlreiz, bet {1} vēlāka(s) darbība(s) ar šo ierakstu tiks atmesta(s).</source>
        <translation>The decision “{0}” will be made again, but {1} later action(s) on this record will be discarded.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="598"/>
        <source>Lēmums “{0}” ({1}) piemērots vēlreiz; tas tiks nosūtīts nākamajā sinhronizācijā.</source>
        <translation>The decision “{0}” ({1}) was applied again; it will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="600"/>
        <source>Lēmumu nevar piemērot vēlreiz: {0}. Ja tas vairs nav vajadzīgs, atmetiet to.</source>
        <translation>The decision cannot be applied again: {0}. If it is no longer needed, discard it.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="607"/>
        <source>Atmest lēmumu “{0}” ({1})? Paliks centrālā servisa stāvoklis: {2}.</source>
        <translation>Discard the decision “{0}” ({1})? The state in the central service will stay: {2}.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="611"/>
        <source>Tiks atmesta(s) arī {0} vēlāka(s) darbība(s) ar šo ierakstu.</source>
        <translation>{0} later action(s) on this record will also be discarded.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="613"/>
        <source>Atmest lēmumu?</source>
        <translation>Discard the decision?</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="616"/>
        <source>Lēmums “{0}” ({1}) atmests; paliek centrālā servisa stāvoklis.</source>
        <translation>The decision “{0}” ({1}) was discarded; the state in the central service stays.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="618"/>
        <source>Lēmumu neizdevās atmest: {0}.</source>
        <translation>Could not discard the decision: {0}.</translation>
    </message>
    <message>
        <location filename="../views/conflicts_panel.py" line="642"/>
        <source>Neizdevās atrisināt konfliktu ({0}). Mēģiniet vēlreiz.</source>
        <translation>Could not resolve the conflict ({0}). Please try again.</translation>
    </message>
</context>
<context>
    <name>DeferDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="311"/>
        <source>Izskatīt atkārtoti:</source>
        <translation>Review again on:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="313"/>
        <source>Atkārtotas izskatīšanas datums</source>
        <translation>Date to review again</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="109"/>
        <source>Piešķirt resursu</source>
        <translation>Grant a device</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="114"/>
        <source>Piešķirt ierīci:</source>
        <translation>Grant the device:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="116"/>
        <source>Piešķirt bez ierīces (ierīci izvēlēsies izsniegšanas vietā)</source>
        <translation>Grant without a device (the issuing desk will choose one)</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="121"/>
        <source>Ierīces inventāra numurs</source>
        <translation>Device inventory number</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="126"/>
        <source>Nav pieejamu piemērotu ierīču: pieteikumu var piešķirt bez ierīces, un ierīci izvēlēsies izsniegšanas vietā.</source>
        <translation>No suitable devices are available: the application can be granted without a device, and the issuing desk will choose one.</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="128"/>
        <source>Atdošanas termiņš:</source>
        <translation>Return deadline:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="130"/>
        <source>Atdošanas termiņš</source>
        <translation>Return deadline</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="131"/>
        <source>Piešķirt</source>
        <translation>Grant</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../views/inbox_model.py" line="29"/>
        <source>Numurs</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="30"/>
        <source>Iesniegts</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="31"/>
        <source>Izglītojamais</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="32"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="33"/>
        <source>Iesniedzējs</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="34"/>
        <source>Resurss</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="35"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="36"/>
        <source>Sinhronizācija</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="151"/>
        <source>Konflikts</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="153"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="154"/>
        <source>Sinhronizēts</source>
        <translation>Synced</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../views/inbox_page.py" line="64"/>
        <source>Meklēt: pieteikuma numurs, vārds, uzvārds vai klase</source>
        <translation>Search: application number, name or class</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="66"/>
        <source>Meklēt pieteikumus</source>
        <translation>Search applications</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="68"/>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="69"/>
        <source>Visi statusi</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="74"/>
        <source>Resursa veids</source>
        <translation>Device type</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="75"/>
        <source>Visi resursi</source>
        <translation>All devices</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="79"/>
        <source>Klase</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="80"/>
        <source>Visas klases</source>
        <translation>All classes</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="84"/>
        <source>Sociālais statuss</source>
        <translation>Social status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="85"/>
        <source>Jebkurš sociālais statuss</source>
        <translation>Any social status</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="91"/>
        <source>Iesniegts no</source>
        <translation>Submitted from</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="96"/>
        <source>Gaida sinhronizāciju</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="97"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="130"/>
        <source>līdz</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="237"/>
        <source>Atrasti: {0}</source>
        <translation>Found: {0}</translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="245"/>
        <source>Neizdevās nolasīt pieteikumus ({0})</source>
        <translation>Could not read the applications ({0})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="25"/>
        <source>Resursi — {0}</source>
        <translation>Resursi — {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="29"/>
        <source>Sadaļas</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="43"/>
        <source>Bezsaistē</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="51"/>
        <location filename="../views/main_window.py" line="95"/>
        <source>Sinhronizēt tagad</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="53"/>
        <source>Sinhronizēt ar centrālo servisu (F5)</source>
        <translation>Sync with the central service (F5)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="55"/>
        <source>Darbības</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="61"/>
        <source>Iziet</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="94"/>
        <source>Sinhronizē…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="98"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation>Waiting to sync: {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="100"/>
        <source>Konflikti: {0}</source>
        <translation>Conflicts: {0}</translation>
    </message>
</context>
<context>
    <name>PersonalCodeField</name>
    <message>
        <location filename="../views/detail_page.py" line="116"/>
        <location filename="../views/detail_page.py" line="141"/>
        <source>Rādīt</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="118"/>
        <source>Rādīt: {0}</source>
        <translation>Show: {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="141"/>
        <source>Slēpt</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="291"/>
        <source>Pamatojumu redzēs pieteikuma iesniedzējs.</source>
        <translation>The applicant will see the reason.</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../views/decision_dialogs.py" line="191"/>
        <source>&amp;Pamatojums:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="194"/>
        <source>Pamatojums</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="200"/>
        <source>Kļūda</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="203"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../views/decision_dialogs.py" line="245"/>
        <source>Pamatojums ir par garu: atļautas ne vairāk kā {0} rakstzīmes</source>
        <translation>The reason is too long: at most {0} characters are allowed</translation>
    </message>
</context>
<context>
    <name>_TimelineList</name>
    <message>
        <location filename="../views/detail_page.py" line="156"/>
        <source>Kopēt</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="93"/>
        <source>nav iestādes datu</source>
        <translation>no institution data</translation>
    </message>
    <message>
        <location filename="../app.py" line="124"/>
        <source>Pieteikumi</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../app.py" line="133"/>
        <source>Konflikti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../app.py" line="200"/>
        <source>Pierakstās…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../app.py" line="262"/>
        <source>Demonstrācijas centrālo servisu neizdevās palaist ({0}); programma darbosies bezsaistē.</source>
        <translation>Could not start the demo central service ({0}); the app will work offline.</translation>
    </message>
</context>
</TS>
