<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="lv">
<context>
    <name>ApplicationDetailView</name>
    <message>
        <location filename="../views/detail_page.py" line="248"/>
        <location filename="../views/detail_page.py" line="443"/>
        <source>Izvēlieties pieteikumu sarakstā</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="256"/>
        <location filename="../views/detail_page.py" line="360"/>
        <source>Aizbildnības pārbaude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="256"/>
        <location filename="../views/detail_page.py" line="587"/>
        <source>Atgriešanas termiņš</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="257"/>
        <location filename="../views/detail_page.py" line="381"/>
        <source>Atsaukšanas iemesls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="257"/>
        <location filename="../views/detail_page.py" line="380"/>
        <source>Izskatīt atkārtoti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="305"/>
        <source>Pieteikuma numurs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="308"/>
        <source>Pieteikuma statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="316"/>
        <source>Izsniegšanas statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="318"/>
        <source>Pieprasītais resurss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="355"/>
        <source>Iesniedzējs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="356"/>
        <location filename="../views/detail_page.py" line="363"/>
        <source>Vārds, uzvārds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="357"/>
        <source>Loma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="358"/>
        <source>Iesniedzēja personas kods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="359"/>
        <location filename="../views/detail_page.py" line="366"/>
        <source>Personas kods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="362"/>
        <source>Izglītojamais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="364"/>
        <source>Klase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="365"/>
        <source>Izglītojamā personas kods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="368"/>
        <source>Sociālais statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="369"/>
        <source>Dokumenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="371"/>
        <source>Kontakti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="372"/>
        <source>Tālrunis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="373"/>
        <source>E-pasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="374"/>
        <source>Piezīmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="376"/>
        <source>Lēmums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="377"/>
        <location filename="../views/detail_page.py" line="583"/>
        <source>Statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="378"/>
        <source>Statuss mainīts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="379"/>
        <source>Pamatojums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="383"/>
        <source>Izsniegšana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="385"/>
        <source>Vēsture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="387"/>
        <source>Statusu vēsture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="453"/>
        <source>Pieteikums nav atrasts: iespējams, tas ir dzēsts vai pieder citai iestādei.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="466"/>
        <source>Neizdevās nolasīt pieteikumu ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="482"/>
        <source>Iesniegts {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="484"/>
        <source>Konflikts ar centrālo servisu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="488"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="491"/>
        <source>Sinhronizēts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="534"/>
        <source>{0} (nav norādīts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="538"/>
        <source>Apstiprināts VIIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="543"/>
        <source>Nav apstiprināts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="552"/>
        <source>{0} (nav apstiprinātu dokumentu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="556"/>
        <source>{0}
{1} · apstiprināts {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="565"/>
        <source>{0} (resurss vēl nav sinhronizēts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="572"/>
        <source>{0} (resurss nav piešķirts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="582"/>
        <source>Akts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="584"/>
        <source>Resurss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="585"/>
        <source>Sagatavots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="586"/>
        <source>Izsniegts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="590"/>
        <source>Atgriezts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="594"/>
        <source>Stāvoklis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="596"/>
        <source>Atcelšanas iemesls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="601"/>
        <source>{0}
ziņots {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="605"/>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="612"/>
        <source>Izsniegšana: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="613"/>
        <source>e-pakalpojums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="630"/>
        <source>Notikums no e-pakalpojuma (centrālā servisa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="633"/>
        <source>{0} (vēstures ierakstu nav)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../views/inbox_model.py" line="144"/>
        <source>Konflikts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="146"/>
        <source>Gaida sinhronizāciju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_model.py" line="147"/>
        <source>Sinhronizēts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../views/inbox_page.py" line="64"/>
        <source>Meklēt: pieteikuma numurs, vārds, uzvārds vai klase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="66"/>
        <source>Meklēt pieteikumus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="68"/>
        <source>Statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="69"/>
        <source>Visi statusi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="74"/>
        <source>Resursa veids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="75"/>
        <source>Visi resursi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="79"/>
        <source>Klase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="80"/>
        <source>Visas klases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="84"/>
        <source>Sociālais statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="85"/>
        <source>Jebkurš sociālais statuss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="91"/>
        <source>Iesniegts no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="96"/>
        <source>Gaida sinhronizāciju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="97"/>
        <source>Konflikti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="130"/>
        <source>līdz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="237"/>
        <source>Atrasti: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/inbox_page.py" line="245"/>
        <source>Neizdevās nolasīt pieteikumus ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="25"/>
        <source>Resursi — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="29"/>
        <source>Sadaļas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="43"/>
        <source>Bezsaistē</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="51"/>
        <location filename="../views/main_window.py" line="88"/>
        <source>Sinhronizēt tagad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="53"/>
        <source>Sinhronizēt ar centrālo servisu (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="55"/>
        <source>Darbības</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="60"/>
        <source>Iziet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="87"/>
        <source>Sinhronizē…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="91"/>
        <source>Gaida sinhronizāciju: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="93"/>
        <source>Konflikti: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalCodeField</name>
    <message>
        <location filename="../views/detail_page.py" line="116"/>
        <location filename="../views/detail_page.py" line="141"/>
        <source>Rādīt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="118"/>
        <source>Rādīt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_page.py" line="141"/>
        <source>Slēpt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TimelineList</name>
    <message>
        <location filename="../views/detail_page.py" line="156"/>
        <source>Kopēt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="84"/>
        <source>nav iestādes datu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="115"/>
        <source>Pieteikumi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="141"/>
        <source>Pierakstās…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="200"/>
        <source>Demonstrācijas centrālo servisu neizdevās palaist ({0}); programma darbosies bezsaistē.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
