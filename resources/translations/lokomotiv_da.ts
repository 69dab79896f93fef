<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Lokomotiv</source>
        <translation>Om Lokomotiv</translation>
    </message>
    <message>
        <source>Lokomotiv %1</source>
        <translation>Lokomotiv %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Logfil</translation>
    </message>
    <message>
        <source>For outreach consultants: companies, visits, meetings and courses, offline first.</source>
        <translation>Til opsøgende konsulenter: virksomheder, besøg, møder og hold – også uden net.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Lokomotiv</source>
        <translation>Lokomotiv</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%s</source>
        <translation>Databasen kan ikke åbnes:
%s</translation>
    </message>
</context>
<context>
    <name>AssociationPage</name>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Bestyrelse</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Tilskud</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Medlem siden</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Medlem til</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stemmeret</translation>
    </message>
    <message>
        <source>Kind of member</source>
        <translation>Type medlem</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Municipality code or name, e.g. 615</source>
        <translation>Kommunekode eller navn, fx 615</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Tilføj medlem</translation>
    </message>
    <message>
        <source>End membership</source>
        <translation>Afslut medlemskab</translation>
    </message>
    <message>
        <source>since</source>
        <translation>siden</translation>
    </message>
    <message>
        <source>Selected member ends on</source>
        <translation>Det valgte medlemskab slutter</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Elected</source>
        <translation>Valgt den</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Formand</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Add to the board</source>
        <translation>Tilføj til bestyrelsen</translation>
    </message>
    <message>
        <source>Organisation, e.g. 3F</source>
        <translation>Organisation, fx 3F</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>%1 members today, %2 with a vote</source>
        <translation>%1 medlemmer i dag, %2 med stemmeret</translation>
    </message>
    <message>
        <source>Choose the member whose membership ends.</source>
        <translation>Vælg det medlem, hvis medlemskab slutter.</translation>
    </message>
</context>
<context>
    <name>BoardCardDelegate</name>
    <message>
        <source>No follow-up</source>
        <translation>Ingen opfølgning</translation>
    </message>
    <message>
        <source>Next %s</source>
        <translation>Næste %s</translation>
    </message>
    <message>
        <source>%s days in phase</source>
        <translation>%s dage i fasen</translation>
    </message>
    <message>
        <source>1 day in phase</source>
        <translation>1 dag i fasen</translation>
    </message>
    <message>
        <source>no consultant</source>
        <translation>ingen konsulent</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>1 company</source>
        <translation>1 virksomhed</translation>
    </message>
    <message>
        <source>%s companies</source>
        <translation>%s virksomheder</translation>
    </message>
</context>
<context>
    <name>BoardColumnModel</name>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Last visit: %s</source>
        <translation>Sidste besøg: %s</translation>
    </message>
    <message>
        <source>Next task: %s</source>
        <translation>Næste opgave: %s</translation>
    </message>
    <message>
        <source>Consultant: %s</source>
        <translation>Konsulent: %s</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export calendar</source>
        <translation>Eksportér kalender</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Calendar saved: %1 (%2 events)</source>
        <translation>Kalenderen er gemt: %1 (%2 aftaler)</translation>
    </message>
    <message>
        <source>The calendar was not saved: %s</source>
        <translation>Kalenderen blev ikke gemt: %s</translation>
    </message>
</context>
<context>
    <name>ChildRowsEditor</name>
    <message>
        <source>Remove row</source>
        <translation>Fjern række</translation>
    </message>
    <message>
        <source>Remove the selected row (Delete)</source>
        <translation>Fjern den valgte række (Delete)</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Række %1, %2: %3</translation>
    </message>
    <message>
        <source>… and %s more</source>
        <translation>… og %s mere</translation>
    </message>
</context>
<context>
    <name>ClassSuggestionsView</name>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Suggest classes</source>
        <translation>Foreslå hold</translation>
    </message>
    <message>
        <source>Plan course …</source>
        <translation>Planlæg hold …</translation>
    </message>
    <message>
        <source>Class / participant</source>
        <translation>Hold / deltager</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Teams / reason</source>
        <translation>Hold/skift / årsag</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Virksomhed:</translation>
    </message>
    <message>
        <source>All companies in the municipality</source>
        <translation>Alle virksomheder i kommunen</translation>
    </message>
    <message>
        <source>Class %s: %s</source>
        <translation>Hold %s: %s</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Ikke placeret</translation>
    </message>
    <message>
        <source>%s suggested classes, %s not placed</source>
        <translation>%s foreslåede hold, %s ikke placeret</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message>
        <source>Search name, CVR, P-number, address, city or contact person (Ctrl+F)</source>
        <translation>Søg i navn, CVR, P-nummer, adresse, by eller kontaktperson (Ctrl+F)</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Ny virksomhed</translation>
    </message>
    <message>
        <source>Create a company (Ctrl+N)</source>
        <translation>Opret en virksomhed (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import …</source>
        <translation>Importér …</translation>
    </message>
    <message>
        <source>Import companies and P-units from a CVR extract (a CSV file) (Ctrl+I)</source>
        <translation>Importér virksomheder og P-enheder fra et CVR-udtræk (en CSV-fil) (Ctrl+I)</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Alle faser</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>Alle konsulenter</translation>
    </message>
    <message>
        <source>Companies: %s</source>
        <translation>Virksomheder: %s</translation>
    </message>
    <message>
        <source>(the first %s matches; type more to narrow the search)</source>
        <translation>(de første %s fund; skriv mere for at indsnævre søgningen)</translation>
    </message>
</context>
<context>
    <name>CompanyEditor</name>
    <message>
        <source>Add P-unit</source>
        <translation>Tilføj P-enhed</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>Tilføj kontaktperson</translation>
    </message>
    <message>
        <source>Master data</source>
        <translation>Stamdata</translation>
    </message>
    <message>
        <source>Outreach and timeline</source>
        <translation>Forløb og aftaler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Gem (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>P-number</source>
        <translation>P-nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnr.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Trusted messenger</source>
        <translation>Betroet budbringer</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Ny virksomhed</translation>
    </message>
    <message>
        <source>Company – %s</source>
        <translation>Virksomhed – %s</translation>
    </message>
    <message>
        <source>P-units (%s)</source>
        <translation>P-enheder (%s)</translation>
    </message>
    <message>
        <source>Contact persons (%s)</source>
        <translation>Kontaktpersoner (%s)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>The company was not saved: %s</source>
        <translation>Virksomheden blev ikke gemt: %s</translation>
    </message>
    <message>
        <source>Not saved: someone else changed %s while you were editing.</source>
        <translation>Ikke gemt: %s er ændret af en anden, mens du redigerede.</translation>
    </message>
    <message>
        <source>Not saved: correct what is marked in red, then save.</source>
        <translation>Ikke gemt: ret det, der er markeret med rødt, og gem så.</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>8 digits</source>
        <translation>8 cifre</translation>
    </message>
    <message>
        <source>8 digits, optionally +45</source>
        <translation>8 cifre, evt. med +45</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(ukendt)</translation>
    </message>
    <message>
        <source>Reklamebeskyttet (protected from marketing in the CVR register)</source>
        <translation>Reklamebeskyttet (beskyttet mod markedsføring i CVR-registret)</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnr.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Industry code</source>
        <translation>Branchekode</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Hjemmeside</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>The CVR number is the company&apos;s identity and cannot be changed on a saved company. Create the company with the right CVR number and delete the wrong one.</source>
        <translation>CVR-nummeret er virksomhedens identitet og kan ikke ændres på en gemt virksomhed. Opret virksomheden med det rigtige CVR-nummer og slet den forkerte.</translation>
    </message>
</context>
<context>
    <name>CompanyOutreachPanel</name>
    <message>
        <source>New visit</source>
        <translation>Nyt besøg</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <source>Change phase</source>
        <translation>Skift fase</translation>
    </message>
    <message>
        <source>New KPI target</source>
        <translation>Nyt KPI-mål</translation>
    </message>
    <message>
        <source>Export calendar …</source>
        <translation>Eksportér kalender …</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>KPI-mål</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Phase: %s</source>
        <translation>Fase: %s</translation>
    </message>
</context>
<context>
    <name>CompanyParticipants</name>
    <message>
        <source>Counts under 5 are shown as &lt;5: the employer sees only aggregates.</source>
        <translation>Tal under 5 vises som &lt;5: arbejdsgiveren ser kun samlede tal.</translation>
    </message>
    <message>
        <source>New participant …</source>
        <translation>Ny deltager …</translation>
    </message>
    <message>
        <source>Screening day …</source>
        <translation>Screeningsdag …</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Åbn person</translation>
    </message>
    <message>
        <source>Participants: %s · Screened: %s · Referred to the dyslexia test: %s</source>
        <translation>Deltagere: %s · Screenet: %s · Henvist til ordblindetest: %s</translation>
    </message>
    <message>
        <source>Screening day</source>
        <translation>Screeningsdag</translation>
    </message>
    <message>
        <source>Date of the screening day:</source>
        <translation>Dato for screeningsdagen:</translation>
    </message>
</context>
<context>
    <name>CompanyTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Reklamebeskyttet: contact only at the company&apos;s own request</source>
        <translation>Reklamebeskyttet: kontakt kun efter virksomhedens eget ønske</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>My value</source>
        <translation>Min værdi</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>Deres værdi</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ændret af</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Ændret</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>P-unit</source>
        <translation>P-enhed</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøg</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Motivation session</source>
        <translation>Motivationsmøde</translation>
    </message>
    <message>
        <source>Phase change</source>
        <translation>Faseskift</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>KPI-mål</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltager</translation>
    </message>
    <message>
        <source>(the whole change)</source>
        <translation>(hele ændringen)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Ansatte</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Hjemmeside</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Ikke slettet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Restore it, with my edit</source>
        <translation>Gendan den, med min ændring</translation>
    </message>
    <message>
        <source>Deleted by %s</source>
        <translation>Slettet af %s</translation>
    </message>
    <message>
        <source>(removed: the person was erased)</source>
        <translation>(fjernet: personen er slettet efter GDPR)</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>Serveren</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>Give consent</source>
        <translation>Giv samtykke</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Orally, with a witness</source>
        <translation>Mundtligt, med vidne</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Vidne</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
</context>
<context>
    <name>CourseForm</name>
    <message>
        <source>Change course</source>
        <translation>Ret hold</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Nyt hold</translation>
    </message>
    <message>
        <source>Type name or CVR</source>
        <translation>Skriv navn eller CVR</translation>
    </message>
    <message>
        <source>New provider …</source>
        <translation>Ny udbyder …</translation>
    </message>
    <message>
        <source>lessons</source>
        <translation>lektioner</translation>
    </message>
    <message>
        <source>hours in all</source>
        <translation>timer i alt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Fag</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Underviser</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>Ugedage</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidsrum</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Omfang</translation>
    </message>
    <message>
        <source>Closed weeks</source>
        <translation>Lukkede uger</translation>
    </message>
    <message>
        <source>Closed days</source>
        <translation>Lukkede dage</translation>
    </message>
    <message>
        <source>Max participants</source>
        <translation>Højst deltagere</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>intet trin</translation>
    </message>
    <message>
        <source>(not chosen yet)</source>
        <translation>(ikke valgt endnu)</translation>
    </message>
    <message>
        <source>New course for a suggested class (%s participants)</source>
        <translation>Nyt hold til et foreslået hold (%s deltagere)</translation>
    </message>
    <message>
        <source>Choose the company: type its name or CVR and pick it in the list.</source>
        <translation>Vælg virksomheden: skriv navn eller CVR, og vælg den på listen.</translation>
    </message>
    <message>
        <source>The lesson calendar shows here when the course is filled in.</source>
        <translation>Lektionskalenderen vises her, når holdet er udfyldt.</translation>
    </message>
    <message>
        <source>%s lessons, %s hours, %s–%s</source>
        <translation>%s lektioner, %s timer, %s–%s</translation>
    </message>
    <message>
        <source>; skips: %s</source>
        <translation>; springer over: %s</translation>
    </message>
</context>
<context>
    <name>CourseSettingsGroup</name>
    <message>
        <source>Courses</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Save course settings</source>
        <translation>Gem holdindstillinger</translation>
    </message>
    <message>
        <source>Class size</source>
        <translation>Holdstørrelse</translation>
    </message>
    <message>
        <source>OBU class at most</source>
        <translation>OBU-hold højst</translation>
    </message>
    <message>
        <source>Hours per trin</source>
        <translation>Timer pr. trin</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
</context>
<context>
    <name>CourseView</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Move …</source>
        <translation>Flyt …</translation>
    </message>
    <message>
        <source>Cancel lesson …</source>
        <translation>Aflys …</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektioner</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>Course plan</source>
        <translation>Kursusplan</translation>
    </message>
    <message>
        <source>Notice without names</source>
        <translation>Opslag uden navne</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitationer</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Fremmødeliste</translation>
    </message>
    <message>
        <source>Export calendar (.ics) …</source>
        <translation>Eksportér kalender (.ics) …</translation>
    </message>
    <message>
        <source>Change course …</source>
        <translation>Ret hold …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>It failed: %s</source>
        <translation>Det mislykkedes: %s</translation>
    </message>
    <message>
        <source>Provider: %s</source>
        <translation>Udbyder: %s</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>ikke valgt</translation>
    </message>
    <message>
        <source>Teacher: %s · Place: %s</source>
        <translation>Underviser: %s · Sted: %s</translation>
    </message>
    <message>
        <source>%s lessons, %s hours, %s–%s · %s participants · %s</source>
        <translation>%s lektioner, %s timer, %s–%s · %s deltagere · %s</translation>
    </message>
    <message>
        <source>SVU can be applied for from %s to %s</source>
        <translation>SVU kan søges fra %s til %s</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Flyttet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Aflyst</translation>
    </message>
    <message>
        <source>Skipped: %s</source>
        <translation>Springer over: %s</translation>
    </message>
    <message>
        <source>No dates skipped.</source>
        <translation>Ingen datoer springes over.</translation>
    </message>
    <message>
        <source>The lesson was moved.</source>
        <translation>Lektionen er flyttet.</translation>
    </message>
    <message>
        <source>Move lesson</source>
        <translation>Flyt lektion</translation>
    </message>
    <message>
        <source>The lesson was cancelled.</source>
        <translation>Lektionen er aflyst.</translation>
    </message>
    <message>
        <source>Cancel lesson</source>
        <translation>Aflys lektion</translation>
    </message>
    <message>
        <source>The lesson is back on its planned date.</source>
        <translation>Lektionen er tilbage på sin planlagte dato.</translation>
    </message>
    <message>
        <source>Enrol participants</source>
        <translation>Tilmeld deltagere</translation>
    </message>
    <message>
        <source>Participants of the course&apos;s companies who are not on the course:</source>
        <translation>Deltagere fra holdets virksomheder, som ikke er på holdet:</translation>
    </message>
    <message>
        <source>Class %s: %s (%s participants)</source>
        <translation>Hold %s: %s (%s deltagere)</translation>
    </message>
    <message>
        <source>There are no suggested classes for the course&apos;s companies.</source>
        <translation>Der er ingen foreslåede hold for holdets virksomheder.</translation>
    </message>
    <message>
        <source>Enrol from a suggested class</source>
        <translation>Tilmeld fra et foreslået hold</translation>
    </message>
    <message>
        <source>Everyone in the chosen class who may be enrolled is:</source>
        <translation>Alle på det valgte hold, som kan tilmeldes, bliver det:</translation>
    </message>
    <message>
        <source>%s enrolled.</source>
        <translation>%s tilmeldt.</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Eksportér kalender</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>The calendar was saved in %s.</source>
        <translation>Kalenderen er gemt i %s.</translation>
    </message>
</context>
<context>
    <name>CoursesModel</name>
    <message>
        <source>Course</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Search course, company or provider</source>
        <translation>Søg hold, virksomhed eller udbyder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>New course …</source>
        <translation>Nyt hold …</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>%s courses</source>
        <translation>%s hold</translation>
    </message>
</context>
<context>
    <name>CoursesUi</name>
    <message>
        <source>Courses</source>
        <translation>Hold</translation>
    </message>
</context>
<context>
    <name>CvrImport</name>
    <message>
        <source>Import CVR extract …</source>
        <translation>Importér CVR-udtræk …</translation>
    </message>
    <message>
        <source>Import CVR extract</source>
        <translation>Importér CVR-udtræk</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>This database holds demo data, so it is never synchronised: companies imported here stay on this computer. Import anyway?</source>
        <translation>Databasen indeholder demodata og bliver derfor aldrig synkroniseret: virksomheder, der importeres her, bliver på denne computer. Vil du importere alligevel?</translation>
    </message>
    <message>
        <source>Importing %s …</source>
        <translation>Importerer %s …</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stopping …</source>
        <translation>Stopper …</translation>
    </message>
    <message>
        <source>%s is imported.</source>
        <translation>%s er importeret.</translation>
    </message>
    <message>
        <source>The rejected rows, with their line and what is wrong, are in %s.</source>
        <translation>De afviste rækker står med linjenummer og fejl i %s.</translation>
    </message>
    <message>
        <source>Show rejected rows</source>
        <translation>Vis afviste rækker</translation>
    </message>
    <message>
        <source>Line %s: %s</source>
        <translation>Linje %s: %s</translation>
    </message>
    <message>
        <source>The import was stopped. Nothing from the file was saved.</source>
        <translation>Importen blev stoppet. Intet fra filen er gemt.</translation>
    </message>
    <message>
        <source>Nothing from the file was saved.</source>
        <translation>Intet fra filen er gemt.</translation>
    </message>
    <message>
        <source>The import failed: %s</source>
        <translation>Importen mislykkedes: %s</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Welcome to Lokomotiv</source>
        <translation>Velkommen til Lokomotiv</translation>
    </message>
    <message>
        <source>Your database is empty.</source>
        <translation>Din database er tom.</translation>
    </message>
    <message>
        <source>Would you like to load demo data to try the program? You get %s made-up companies with P-units, contact persons, visits and tasks. Demo data stays on this computer: a database with demo data is never synchronised. You can also start empty and create companies or import a CVR extract.</source>
        <translation>Vil du indlæse demodata for at prøve programmet? Du får %s opdigtede virksomheder med P-enheder, kontaktpersoner, besøg og opgaver. Demodata bliver på denne computer: en database med demodata synkroniseres aldrig. Du kan også starte med en tom database og selv oprette virksomheder eller importere et CVR-udtræk.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Indlæs demodata</translation>
    </message>
    <message>
        <source>Import CVR extract …</source>
        <translation>Importér CVR-udtræk …</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>Start tom</translation>
    </message>
    <message>
        <source>Loading demo data …</source>
        <translation>Indlæser demodata …</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodata</translation>
    </message>
    <message>
        <source>The demo data could not be loaded: %s</source>
        <translation>Demodata kunne ikke indlæses: %s</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Behind the number: %s</source>
        <translation>Bag tallet: %s</translation>
    </message>
    <message>
        <source>%s people</source>
        <translation>%s personer</translation>
    </message>
    <message>
        <source>%s companies</source>
        <translation>%s virksomheder</translation>
    </message>
    <message>
        <source>Rows behind the number</source>
        <translation>Rækkerne bag tallet</translation>
    </message>
    <message>
        <source>unemployed</source>
        <translation>ledig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Names are shown here only; they never leave the window.</source>
        <translation>Navnene vises kun her; de forlader aldrig vinduet.</translation>
    </message>
</context>
<context>
    <name>DuplicateCvrWatch</name>
    <message>
        <source>Open the existing one</source>
        <translation>Åbn den eksisterende</translation>
    </message>
    <message>
        <source>A company with CVR number %1 exists already: %2.</source>
        <translation>Der findes allerede en virksomhed med CVR-nummer %1: %2.</translation>
    </message>
</context>
<context>
    <name>FunnelModel</name>
    <message>
        <source>Number</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Employed</source>
        <translation>Beskæftigede</translation>
    </message>
    <message>
        <source>Unemployed</source>
        <translation>Ledige</translation>
    </message>
    <message>
        <source>Double-click to see who is behind the number</source>
        <translation>Dobbeltklik for at se, hvem der står bag tallet</translation>
    </message>
</context>
<context>
    <name>GrantsPanel</name>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Kroner per P-number</source>
        <translation>Kroner pr. P-nummer</translation>
    </message>
    <message>
        <source>Save rate</source>
        <translation>Gem takst</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>P-numbers</source>
        <translation>P-numre</translation>
    </message>
    <message>
        <source>Counted on</source>
        <translation>Optalt den</translation>
    </message>
    <message>
        <source>Reason for the count</source>
        <translation>Begrundelse for antallet</translation>
    </message>
    <message>
        <source>Basic grant</source>
        <translation>Grundtilskud</translation>
    </message>
    <message>
        <source>Activity grant</source>
        <translation>Aktivitetstilskud</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mangler</translation>
    </message>
    <message>
        <source>empty: count the CVR extract</source>
        <translation>tomt: tæl CVR-udtrækket</translation>
    </message>
    <message>
        <source>Reason for a count entered by hand</source>
        <translation>Begrundelse for et antal rettet i hånden</translation>
    </message>
    <message>
        <source>Save P-number count</source>
        <translation>Gem antal P-numre</translation>
    </message>
    <message>
        <source>Task, e.g. Screeningsdag</source>
        <translation>Opgave, fx Screeningsdag</translation>
    </message>
    <message>
        <source>Amount in kroner</source>
        <translation>Beløb i kroner</translation>
    </message>
    <message>
        <source>Add activity line</source>
        <translation>Tilføj aktivitetslinje</translation>
    </message>
    <message>
        <source>Save annual statements …</source>
        <translation>Gem årsopgørelser …</translation>
    </message>
    <message>
        <source>Selected municipality: P-numbers</source>
        <translation>Valgt kommune: P-numre</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Total %1 for %2 member municipalities</source>
        <translation>I alt %1 for %2 medlemskommuner</translation>
    </message>
    <message>
        <source>Choose a municipality in the table first.</source>
        <translation>Vælg først en kommune i tabellen.</translation>
    </message>
    <message>
        <source>Folder for the annual statements</source>
        <translation>Mappe til årsopgørelserne</translation>
    </message>
    <message>
        <source>%1 statements saved in %2.</source>
        <translation>%1 opgørelser gemt i %2.</translation>
    </message>
</context>
<context>
    <name>KpiForm</name>
    <message>
        <source>Edit KPI target</source>
        <translation>Ret KPI-mål</translation>
    </message>
    <message>
        <source>New KPI target</source>
        <translation>Nyt KPI-mål</translation>
    </message>
    <message>
        <source>e.g. 80 % of staff screened by 1 June</source>
        <translation>fx 80 % af medarbejderne screenet inden 1. juni</translation>
    </message>
    <message>
        <source>e.g. 80</source>
        <translation>fx 80</translation>
    </message>
    <message>
        <source>e.g. 1.6.2027</source>
        <translation>fx 1.6.2027</translation>
    </message>
    <message>
        <source>Counted: participants signed up for screening</source>
        <translation>Tælles: deltagere tilmeldt screening</translation>
    </message>
    <message>
        <source>Typed in by hand</source>
        <translation>Skrives ind i hånden</translation>
    </message>
    <message>
        <source>Empty: the P-units&apos; employees</source>
        <translation>Tom: P-enhedernes medarbejdere</translation>
    </message>
    <message>
        <source>Percent reached so far</source>
        <translation>Procent nået indtil nu</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Target (%)</source>
        <translation>Mål (%)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Nuværende værdi</translation>
    </message>
    <message>
        <source>Employees counted</source>
        <translation>Antal medarbejdere</translation>
    </message>
    <message>
        <source>Value now (%)</source>
        <translation>Værdi nu (%)</translation>
    </message>
    <message>
        <source>the KPI target for %s</source>
        <translation>KPI-målet for %s</translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Target (%)</source>
        <translation>Mål (%)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>unknown (no headcount)</source>
        <translation>ukendt (antal medarbejdere mangler)</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Nået</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>Fristen er overskredet</translation>
    </message>
    <message>
        <source>%s days left</source>
        <translation>%s dage tilbage</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>Screened this year</source>
        <translation>Screenet i år</translation>
    </message>
    <message>
        <source>Enrolled this year</source>
        <translation>Tilmeldt hold i år</translation>
    </message>
    <message>
        <source>Completed this year</source>
        <translation>Gennemført hold i år</translation>
    </message>
    <message>
        <source>All municipalities, %s:</source>
        <translation>Alle kommuner, %s:</translation>
    </message>
</context>
<context>
    <name>LessonChange</name>
    <message>
        <source>as before, or 08:00-10:30</source>
        <translation>som før, eller 08:00-10:30</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Ny dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidsrum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the sync server</source>
        <translation>Log ind på synkroniseringsserveren</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>This database holds demo data (invented companies), which must never reach the shared store, so it cannot log in. To work with real data: close Lokomotiv, move or rename the file %1, and start Lokomotiv again; it starts with an empty database, from which you can log in.</source>
        <translation>Denne database indeholder demodata (opdigtede virksomheder), som aldrig må komme på det fælles lager, så den kan ikke logge ind. Vil du arbejde med rigtige data: Luk Lokomotiv, flyt eller omdøb filen %1, og start Lokomotiv igen. Så starter det med en tom database, som du kan logge ind fra.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Not a server address. Write it as https://server.example.dk</source>
        <translation>Det er ikke en serveradresse. Skriv den som https://server.eksempel.dk</translation>
    </message>
    <message>
        <source>The connection is not encrypted (http://), so the password and your data could be read on the way. Lokomotiv uses http only for a server on this computer: write the server&apos;s https address.</source>
        <translation>Forbindelsen er ikke krypteret (http://), så adgangskoden og dine data kan læses undervejs. Lokomotiv bruger kun http til en server på denne computer: skriv serverens https-adresse.</translation>
    </message>
    <message>
        <source>Logging in …</source>
        <translation>Logger ind …</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Forkert brugernavn eller adgangskode.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1. Check the address and that you are online.</source>
        <translation>Kan ikke få forbindelse til serveren %1. Tjek adressen, og at du er på nettet.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a few minutes, then try again.</source>
        <translation>For mange mislykkede forsøg. Vent et par minutter, og prøv så igen.</translation>
    </message>
    <message>
        <source>Login failed: %1</source>
        <translation>Login mislykkedes: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lokomotiv</source>
        <translation>Lokomotiv</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Virksomheder</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Ny virksomhed</translation>
    </message>
    <message>
        <source>Find company …</source>
        <translation>Find virksomhed …</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Søg i listen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>About Lokomotiv</source>
        <translation>Om Lokomotiv</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Invited / attended / signed up</source>
        <translation>Inviteret / fremmødt / tilmeldt</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Næste 30 dage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <source>Last 30 and next 90 days</source>
        <translation>Seneste 30 og næste 90 dage</translation>
    </message>
    <message>
        <source>A year back and ahead</source>
        <translation>Et år tilbage og frem</translation>
    </message>
    <message>
        <source>Search company, CVR or consultant</source>
        <translation>Søg virksomhed, CVR eller konsulent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <source>Visit: %s</source>
        <translation>Besøg: %s</translation>
    </message>
    <message>
        <source>Session: %s</source>
        <translation>Møde: %s</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>Alle konsulenter</translation>
    </message>
    <message>
        <source>New visit …</source>
        <translation>Nyt besøg …</translation>
    </message>
    <message>
        <source>New session …</source>
        <translation>Nyt møde …</translation>
    </message>
    <message>
        <source>Open company</source>
        <translation>Åbn virksomhed</translation>
    </message>
    <message>
        <source>Visits and sessions: %s</source>
        <translation>Besøg og møder: %s</translation>
    </message>
</context>
<context>
    <name>MineToggle</name>
    <message>
        <source>Only mine</source>
        <translation>Kun mine</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Only what %s is consultant for</source>
        <translation>Kun det, %s er konsulent for</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Alles</translation>
    </message>
</context>
<context>
    <name>MunicipalityModel</name>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
</context>
<context>
    <name>OutreachController</name>
    <message>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Faser</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <source>&amp;Outreach</source>
        <translation>&amp;Opsøgende arbejde</translation>
    </message>
    <message>
        <source>New visit …</source>
        <translation>Nyt besøg …</translation>
    </message>
    <message>
        <source>New session …</source>
        <translation>Nyt møde …</translation>
    </message>
    <message>
        <source>Export my calendar …</source>
        <translation>Eksportér min kalender …</translation>
    </message>
    <message>
        <source>Which company?</source>
        <translation>Hvilken virksomhed?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Slettet.</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Eksportér kalender</translation>
    </message>
    <message>
        <source>Whose calendar?</source>
        <translation>Hvis kalender?</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Open tasks</source>
        <translation>Åbne opgaver</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Rest of the week</source>
        <translation>Resten af ugen</translation>
    </message>
    <message>
        <source>Upcoming visits (14 days)</source>
        <translation>Kommende besøg (14 dage)</translation>
    </message>
    <message>
        <source>Upcoming sessions (14 days)</source>
        <translation>Kommende møder (14 dage)</translation>
    </message>
    <message>
        <source>SVU applications</source>
        <translation>SVU-ansøgninger</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>1 has not applied</source>
        <translation>1 har ikke søgt</translation>
    </message>
    <message>
        <source>%s have not applied</source>
        <translation>%s har ikke søgt</translation>
    </message>
    <message>
        <source>SVU applications (%s)</source>
        <translation>SVU-ansøgninger (%s)</translation>
    </message>
    <message>
        <source>You have 1 overdue follow-up.</source>
        <translation>Du har 1 overskredet opfølgning.</translation>
    </message>
    <message>
        <source>You have %s overdue follow-ups.</source>
        <translation>Du har %s overskredne opfølgninger.</translation>
    </message>
    <message>
        <source>Done: «%s».</source>
        <translation>Udført: «%s».</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>New participant</source>
        <translation>Ny deltager</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Redigér deltager</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stilling</translation>
    </message>
    <message>
        <source>Team/shift</source>
        <translation>Hold/skift</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Jobcenter</source>
        <translation>Jobcenter</translation>
    </message>
    <message>
        <source>Unemployed (referred by a municipality)</source>
        <translation>Ledig (henvist af en kommune)</translation>
    </message>
    <message>
        <source>e.g. 630</source>
        <translation>fx 630</translation>
    </message>
    <message>
        <source>Company (CVR)</source>
        <translation>Virksomhed (CVR)</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Kommunekode</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>Danish as a second language</source>
        <translation>Dansk som andetsprog</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Write the CVR number of a company in the list, or tick «Unemployed».</source>
        <translation>Skriv CVR-nummeret på en virksomhed i listen, eller sæt kryds i «Ledig».</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Team/shift</source>
        <translation>Hold/skift</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>Screeninger</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Henvist</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Givet</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mangler</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>SVU applied</source>
        <translation>SVU søgt</translation>
    </message>
    <message>
        <source>Enrol …</source>
        <translation>Tilmeld …</translation>
    </message>
    <message>
        <source>From suggestion …</source>
        <translation>Fra forslag …</translation>
    </message>
    <message>
        <source>Unenrol</source>
        <translation>Afmeld</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Erase the person?</source>
        <translation>Slet personen?</translation>
    </message>
    <message>
        <source>Do you want to erase %s and everything about the person?</source>
        <translation>Vil du slette %s og alt om personen?</translation>
    </message>
    <message>
        <source>Viewing is logged</source>
        <translation>Visning logges</translation>
    </message>
    <message>
        <source>Every view and export of a person&apos;s screenings is written to the audit log.</source>
        <translation>Hver visning og eksport af en persons screeninger skrives i adgangsloggen.</translation>
    </message>
    <message>
        <source>Edit …</source>
        <translation>Redigér …</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Givet</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Vidne</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Give consent …</source>
        <translation>Giv samtykke …</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Træk samtykke tilbage</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Fag</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Værktøj</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Tester</source>
        <translation>Testvejleder</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Henvist</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Refer to the dyslexia test …</source>
        <translation>Henvis til ordblindetest …</translation>
    </message>
    <message>
        <source>Record result …</source>
        <translation>Registrér resultat …</translation>
    </message>
    <message>
        <source>Export (PDF) …</source>
        <translation>Eksportér (PDF) …</translation>
    </message>
    <message>
        <source>Export (JSON) …</source>
        <translation>Eksportér (JSON) …</translation>
    </message>
    <message>
        <source>Erase the person …</source>
        <translation>Slet personen …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>Screeninger</translation>
    </message>
    <message>
        <source>Dyslexia test</source>
        <translation>Ordblindetest</translation>
    </message>
    <message>
        <source>Participant – %s</source>
        <translation>Deltager – %s</translation>
    </message>
    <message>
        <source>Unemployed, referred by municipality %s</source>
        <translation>Ledig, henvist af kommune %s</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>Danish as a second language</source>
        <translation>Dansk som andetsprog</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stilling</translation>
    </message>
    <message>
        <source>Team/shift</source>
        <translation>Hold/skift</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Beskæftigelse</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Jobcenter</source>
        <translation>Jobcenter</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Orally</source>
        <translation>Mundtligt</translation>
    </message>
    <message>
        <source> (valid until %s)</source>
        <translation> (gyldig til %s)</translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation>Afventer resultat</translation>
    </message>
    <message>
        <source>Referred %s; result not visible to you</source>
        <translation>Henvist %s; resultat ikke synligt for dig</translation>
    </message>
    <message>
        <source>Refer the person to the dyslexia test first.</source>
        <translation>Henvis først personen til ordblindetest.</translation>
    </message>
    <message>
        <source>Erase %s and everything about the person?</source>
        <translation>Slet %s og alt om personen?</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON-fil (*.json)</translation>
    </message>
    <message>
        <source>Export everything about the person</source>
        <translation>Eksportér alt om personen</translation>
    </message>
    <message>
        <source>Not exported: %s</source>
        <translation>Ikke eksporteret: %s</translation>
    </message>
</context>
<context>
    <name>PhaseBoardPage</name>
    <message>
        <source>Filter by name or CVR</source>
        <translation>Filtrér på navn eller CVR</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Drag a card to another phase, or select it and press Ctrl+Left / Ctrl+Right. Enter opens the company.</source>
        <translation>Træk et kort til en anden fase, eller vælg det og tryk Ctrl+Venstre / Ctrl+Højre. Enter åbner virksomheden.</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>(no consultant)</source>
        <translation>(ingen konsulent)</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>Alle konsulenter</translation>
    </message>
    <message>
        <source>Companies: %s</source>
        <translation>Virksomheder: %s</translation>
    </message>
</context>
<context>
    <name>PhaseMoveDialog</name>
    <message>
        <source>Change phase</source>
        <translation>Skift fase</translation>
    </message>
    <message>
        <source> and %s more</source>
        <translation> og %s mere</translation>
    </message>
    <message>
        <source>Optional, e.g. &quot;The management said yes&quot;</source>
        <translation>Frivilligt, fx »Ledelsen har sagt ja«</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Flyt</translation>
    </message>
    <message>
        <source>New phase</source>
        <translation>Ny fase</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>Flyttet af</translation>
    </message>
    <message>
        <source>Move %1 to %2.</source>
        <translation>Flyt %1 til %2.</translation>
    </message>
    <message>
        <source>Write who moves the company.</source>
        <translation>Skriv hvem der flytter virksomheden.</translation>
    </message>
    <message>
        <source>Not moved: %s</source>
        <translation>Ikke flyttet: %s</translation>
    </message>
</context>
<context>
    <name>PickPeople</name>
    <message>
        <source>Enrol</source>
        <translation>Tilmeld</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print …</source>
        <translation>Udskriv …</translation>
    </message>
    <message>
        <source>Save as PDF …</source>
        <translation>Gem som PDF …</translation>
    </message>
    <message>
        <source>Page %s of %s</source>
        <translation>Side %s af %s</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>Ikke gemt: %s</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Printeren kunne ikke startes.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
    <message>
        <source>Save the changes to %s?</source>
        <translation>Vil du gemme ændringerne i %s?</translation>
    </message>
    <message>
        <source>If you discard them, what you typed is lost.</source>
        <translation>Hvis du kasserer dem, går det tabt, du har skrevet.</translation>
    </message>
    <message>
        <source>It cannot be saved as it is:</source>
        <translation>Det kan ikke gemmes, som det er:</translation>
    </message>
    <message>
        <source>Save takes you back to correct it; Discard throws the changes away.</source>
        <translation>Gem fører dig tilbage, så du kan rette det; Kassér smider ændringerne væk.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>It is deleted on the other computers too at the next synchronisation.</source>
        <translation>Det bliver også slettet på de andre computere ved næste synkronisering.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <source>The field «%s» was changed by someone else while you were editing.</source>
        <translation>Feltet «%s» er ændret af en anden, mens du redigerede.</translation>
    </message>
    <message>
        <source>Their value: %s
Your value: %s</source>
        <translation>Deres værdi: %s
Din værdi: %s</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Behold deres</translation>
    </message>
</context>
<context>
    <name>ProtectedBanner</name>
    <message>
        <source>Reklamebeskyttet: contact only at the company&apos;s own request</source>
        <translation>Reklamebeskyttet: kontakt kun efter virksomhedens eget ønske</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <source>New provider</source>
        <translation>Ny udbyder</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Operating agreement with (VUC)</source>
        <translation>Driftsoverenskomst med (VUC)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>The provider needs a name.</source>
        <translation>Udbyderen skal have et navn.</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Why it was not saved</source>
        <translation>Hvorfor den ikke blev gemt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Hentet</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>P-unit</source>
        <translation>P-enhed</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøg</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Motivation session</source>
        <translation>Motivationsmøde</translation>
    </message>
    <message>
        <source>Phase change</source>
        <translation>Faseskift</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>KPI-mål</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltager</translation>
    </message>
</context>
<context>
    <name>QuarantinePanel</name>
    <message>
        <source>These rows came from the server but break Lokomotiv&apos;s rules, so they were not saved on this computer. Everything else was synchronised. A row leaves this list by itself when the server sends a corrected version: ask your coordinator to correct it.</source>
        <translation>Disse rækker kom fra serveren, men overholder ikke Lokomotivs regler, så de er ikke gemt på denne computer. Alt andet er synkroniseret. En række forsvinder selv fra listen, når serveren sender en rettet udgave: bed din koordinator om at rette den.</translation>
    </message>
    <message>
        <source>Not saved from the server (%1)</source>
        <translation>Ikke gemt fra serveren (%1)</translation>
    </message>
</context>
<context>
    <name>QuickSearch</name>
    <message>
        <source>Find company</source>
        <translation>Find virksomhed</translation>
    </message>
    <message>
        <source>Type a name, CVR, P-number, city or person …</source>
        <translation>Skriv et navn, CVR, P-nummer, by eller en person …</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter open · Esc close</source>
        <translation>↑↓ vælg · Enter åbn · Esc luk</translation>
    </message>
    <message>
        <source>No companies found for «%s»</source>
        <translation>Ingen virksomheder fundet for «%s»</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>P-number %s</source>
        <translation>P-nummer %s</translation>
    </message>
    <message>
        <source>contact person: %s</source>
        <translation>kontaktperson: %s</translation>
    </message>
    <message>
        <source>city: %s</source>
        <translation>by: %s</translation>
    </message>
    <message>
        <source>P-unit: %s</source>
        <translation>P-enhed: %s</translation>
    </message>
    <message>
        <source>address: %s</source>
        <translation>adresse: %s</translation>
    </message>
    <message>
        <source>postcode: %s</source>
        <translation>postnummer: %s</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>Refer to the dyslexia test</source>
        <translation>Henvis til ordblindetest</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Industry code, e.g. 10</source>
        <translation>Branchekode, fx 10</translation>
    </message>
    <message>
        <source>Number in the chart</source>
        <translation>Nøgletal i diagrammet</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Bars per month of</source>
        <translation>Søjler pr. måned for</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>All consultants</source>
        <translation>Alle konsulenter</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra-datoen</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til-datoen</translation>
    </message>
    <message>
        <source>The from date lies after the to date. Choose a from date before %s.</source>
        <translation>Fra-datoen ligger efter til-datoen. Vælg en fra-dato før %s.</translation>
    </message>
    <message>
        <source>The numbers could not be computed.</source>
        <translation>Tallene kunne ikke beregnes.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>start</source>
        <translation>begyndelsen</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>Period %s. Double-click a number to see who is behind it.</source>
        <translation>Periode %s. Dobbeltklik på et tal for at se, hvem der står bag det.</translation>
    </message>
    <message>
        <source>Save the municipality report as</source>
        <translation>Gem kommunerapporten som</translation>
    </message>
    <message>
        <source>Save municipality report as %s …</source>
        <translation>Gem kommunerapport som %s …</translation>
    </message>
    <message>
        <source>Choose a municipality and a period with both dates first.</source>
        <translation>Vælg først en kommune og en periode med begge datoer.</translation>
    </message>
    <message>
        <source>Save municipality report</source>
        <translation>Gem kommunerapport</translation>
    </message>
    <message>
        <source>Municipality report saved in %s.</source>
        <translation>Kommunerapport gemt i %s.</translation>
    </message>
</context>
<context>
    <name>ReportsUi</name>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Forening</translation>
    </message>
</context>
<context>
    <name>ResultForm</name>
    <message>
        <source>Record the dyslexia test result</source>
        <translation>Registrér resultatet af ordblindetesten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
</context>
<context>
    <name>ScreeningDayDialog</name>
    <message>
        <source>Screening day – %1 – %2</source>
        <translation>Screeningsdag – %1 – %2</translation>
    </message>
    <message>
        <source>e.g. VUC Syd</source>
        <translation>fx VUC Syd</translation>
    </message>
    <message>
        <source>the school&apos;s test guide</source>
        <translation>skolens testvejleder</translation>
    </message>
    <message>
        <source>Space ticks consent · Tab or Enter: next cell · Ctrl+Enter: next person · each row is saved as soon as it is complete</source>
        <translation>Mellemrum sætter kryds i samtykke · Tab eller Enter: næste felt · Ctrl+Enter: næste person · hver række gemmes, så snart den er udfyldt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <source>Tester</source>
        <translation>Testvejleder</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Række %1: %2</translation>
    </message>
    <message>
        <source>Screened %1 of %2 invited</source>
        <translation>Screenet %1 af %2 inviterede</translation>
    </message>
    <message>
        <source>Rows not saved</source>
        <translation>Rækker ikke gemt</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are not complete and will not be saved. Close anyway?</source>
        <translation>
            <numerusform>%n række er ikke udfyldt og bliver ikke gemt. Luk alligevel?</numerusform>
            <numerusform>%n rækker er ikke udfyldt og bliver ikke gemt. Luk alligevel?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningDayModel</name>
    <message>
        <source>Level %1 (empty: the school decides)</source>
        <translation>Trin %1 (tomt: skolen afgør)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <source>Team/shift</source>
        <translation>Hold/skift</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Fag</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Værktøj</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Not saved: tick consent first (no screening is saved without consent).</source>
        <translation>Ikke gemt: sæt kryds i Samtykke først (uden samtykke gemmes ingen screening).</translation>
    </message>
    <message>
        <source>Saved before; this change is not saved: %1</source>
        <translation>Gemt før; denne ændring er ikke gemt: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
</context>
<context>
    <name>ScreeningsPage</name>
    <message>
        <source>Search name, team or company</source>
        <translation>Søg navn, hold/skift eller virksomhed</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>New participant …</source>
        <translation>Ny deltager …</translation>
    </message>
    <message>
        <source>Screening day …</source>
        <translation>Screeningsdag …</translation>
    </message>
    <message>
        <source>The screening-day grid of the chosen participant&apos;s company</source>
        <translation>Screeningsdagen for den valgte deltagers virksomhed</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Åbn person</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Henvist</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation>Afventer resultat</translation>
    </message>
    <message>
        <source>Suggested classes</source>
        <translation>Foreslåede hold</translation>
    </message>
    <message>
        <source>%s participants</source>
        <translation>%s deltagere</translation>
    </message>
    <message>
        <source>Awaiting result (%s)</source>
        <translation>Afventer resultat (%s)</translation>
    </message>
    <message>
        <source>Choose a participant of the company first: the screening day is held at a workplace.</source>
        <translation>Vælg først en deltager fra virksomheden: screeningsdagen holdes på en arbejdsplads.</translation>
    </message>
</context>
<context>
    <name>ScreeningsUi</name>
    <message>
        <source>Screenings</source>
        <translation>Screeninger</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>(the whole company)</source>
        <translation>(hele virksomheden)</translation>
    </message>
    <message>
        <source>e.g. 1.12.2026</source>
        <translation>fx 1.12.2026</translation>
    </message>
    <message>
        <source>e.g. 09:30 (empty: all day)</source>
        <translation>fx 9.30 (tom: hele dagen)</translation>
    </message>
    <message>
        <source>e.g. the canteen</source>
        <translation>fx kantinen</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Ét navn pr. linje</translation>
    </message>
    <message>
        <source>Save the meeting and register those signed up</source>
        <translation>Gem mødet og registrér de tilmeldte</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>P-unit</source>
        <translation>P-enhed</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Messengers</source>
        <translation>Budbringere</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Inviterede</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Fremmødte</translation>
    </message>
    <message>
        <source>Signed up for screening</source>
        <translation>Tilmeldt screening</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Participants from this session</source>
        <translation>Deltagere fra dette møde</translation>
    </message>
    <message>
        <source>Delete the motivation session at %1 on %2?</source>
        <translation>Slet motivationsmødet hos %1 den %2?</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Ret møde</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <source>The screening target counts the names registered here, not the number above.</source>
        <translation>Screeningsmålet tæller de navne, der registreres her, ikke tallet ovenfor.</translation>
    </message>
    <message>
        <source>Registered (%1): %2</source>
        <translation>Registreret (%1): %2</translation>
    </message>
    <message>
        <source>The screening target counts registered names: %1 registered.</source>
        <translation>Screeningsmålet tæller registrerede navne: %1 registreret.</translation>
    </message>
    <message>
        <source>The screening target counts registered names: %1 of the %2 signed up are registered.</source>
        <translation>Screeningsmålet tæller registrerede navne: %1 af de %2 tilmeldte er registreret.</translation>
    </message>
    <message>
        <source>the session at %s</source>
        <translation>mødet hos %s</translation>
    </message>
    <message>
        <source>TR (union rep.)</source>
        <translation>TR (tillidsrepræsentant)</translation>
    </message>
    <message>
        <source>Ambassador</source>
        <translation>Ambassadør</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Kollega</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>e.g. Hanne Hansen</source>
        <translation>fx Hanne Hansen</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Mig</translation>
    </message>
    <message>
        <source>My name as consultant</source>
        <translation>Mit navn som konsulent</translation>
    </message>
    <message>
        <source>Written into new visits, sessions and phase moves, and used by the &quot;Mine&quot; filters.</source>
        <translation>Skrives i nye besøg, informationsmøder og faseskift og bruges af filtrene «Mine».</translation>
    </message>
    <message>
        <source>My municipalities</source>
        <translation>Mine kommuner</translation>
    </message>
    <message>
        <source>Log in …</source>
        <translation>Log ind …</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log ud</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Vindue</translation>
    </message>
    <message>
        <source>The whole window changes language when Lokomotiv starts again.</source>
        <translation>Hele vinduet skifter sprog, når Lokomotiv starter igen.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Genstart nu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>None chosen: lists show every municipality.</source>
        <translation>Ingen valgt: listerne viser alle kommuner.</translation>
    </message>
    <message>
        <source>Lists open on %1.</source>
        <translation>Listerne åbner på %1.</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Ikke logget ind</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Genvej</translation>
    </message>
</context>
<context>
    <name>SimpleForm</name>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>StoreStatus</name>
    <message>
        <source>Database file</source>
        <translation>Databasefil</translation>
    </message>
    <message>
        <source>Companies: %1 · P-units: %2 · Contacts: %3 · Not synced: %4</source>
        <translation>Virksomheder: %1 · P-enheder: %2 · Kontaktpersoner: %3 · Ikke synkroniseret: %4</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Not logged in to a sync server.</source>
        <translation>Ikke logget ind på en synkroniseringsserver.</translation>
    </message>
    <message>
        <source>Not synchronised yet.</source>
        <translation>Ikke synkroniseret endnu.</translation>
    </message>
    <message>
        <source>Synchronisation failed: %1</source>
        <translation>Synkroniseringen mislykkedes: %1</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Not synchronised: you are not logged in. Choose %1 → %2 to log in.</source>
        <translation>Ikke synkroniseret: du er ikke logget ind. Vælg %1 → %2 for at logge ind.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synkronisering</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisér nu</translation>
    </message>
    <message>
        <source>Log in to server …</source>
        <translation>Log ind på server …</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log ud</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Log in …</source>
        <translation>Log ind …</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log ud</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisér nu</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>No conflicts: every edit was merged.</source>
        <translation>Ingen konflikter: alle ændringer er flettet.</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Behold &amp;min</translation>
    </message>
    <message>
        <source>My value wins and is sent at the next sync</source>
        <translation>Min værdi vinder og sendes ved næste synkronisering</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Behold &amp;deres</translation>
    </message>
    <message>
        <source>Their value stays; mine is dropped</source>
        <translation>Deres værdi bliver; min droppes</translation>
    </message>
    <message>
        <source>For the selected conflicts:</source>
        <translation>For de valgte konflikter:</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Recent synchronisations</source>
        <translation>Seneste synkroniseringer</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Logged in as &lt;b&gt;%1&lt;/b&gt; (%2) on %3 · municipalities: %4</source>
        <translation>Logget ind som &lt;b&gt;%1&lt;/b&gt; (%2) på %3 · kommuner: %4</translation>
    </message>
    <message>
        <source>Not logged in. Log in to share your work with the team; until then everything is kept here.</source>
        <translation>Ikke logget ind. Log ind for at dele dit arbejde med teamet; indtil da gemmes alt her.</translation>
    </message>
    <message>
        <source>Log in as someone else …</source>
        <translation>Log ind som en anden …</translation>
    </message>
    <message>
        <source>Synchronising now …</source>
        <translation>Synkroniserer nu …</translation>
    </message>
    <message>
        <source>Last synchronised %1.</source>
        <translation>Sidst synkroniseret %1.</translation>
    </message>
    <message>
        <source>Not synchronised yet.</source>
        <translation>Ikke synkroniseret endnu.</translation>
    </message>
    <message>
        <source>Automatic sync is paused.</source>
        <translation>Automatisk synkronisering er sat på pause.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1.</source>
        <translation>Ændringer, der venter på at blive sendt: %1.</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikter (%1)</translation>
    </message>
    <message>
        <source>Log out of %1? Changes not sent yet (%2) stay on this computer and are sent when you log in again.</source>
        <translation>Log ud af %1? Ændringer, der ikke er sendt endnu (%2), bliver på denne computer og sendes, når du logger ind igen.</translation>
    </message>
</context>
<context>
    <name>SyncRunsModel</name>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Hentet</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Running or interrupted</source>
        <translation>I gang eller afbrudt</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Synchronising …</source>
        <translation>Synkroniserer …</translation>
    </message>
    <message>
        <source>Synchronising with %1</source>
        <translation>Synkroniserer med %1</translation>
    </message>
    <message>
        <source>Synchronised at %1</source>
        <translation>Synkroniseret kl. %1</translation>
    </message>
    <message>
        <source>Synchronised with %1</source>
        <translation>Synkroniseret med %1</translation>
    </message>
    <message>
        <source>Update Lokomotiv</source>
        <translation>Opdater Lokomotiv</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Synkroniseringsfejl</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Click to open the sync page · Ctrl+Shift+S syncs now</source>
        <translation>Klik for at åbne siden Synkronisering · Ctrl+Shift+S synkroniserer nu</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 venter</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent to the server yet</source>
        <translation>
            <numerusform>%n ændring er ikke sendt til serveren endnu</numerusform>
            <numerusform>%n ændringer er ikke sendt til serveren endnu</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending %1 of %2 …</source>
        <translation>Sender %1 af %2 …</translation>
    </message>
    <message>
        <source>Fetching … %1</source>
        <translation>Henter … %1</translation>
    </message>
    <message>
        <source>Contacting the server …</source>
        <translation>Kontakter serveren …</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besøg</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Opgave</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Fortryd (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>ValidatedDialog</name>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Gem (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Not saved: correct what is marked in red, then save.</source>
        <translation>Ikke gemt: ret det, der er markeret med rødt, og gem så.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed %s while you were editing.</source>
        <translation>Ikke gemt: %s er ændret af en anden, mens du redigerede.</translation>
    </message>
    <message>
        <source>Not saved: %s</source>
        <translation>Ikke gemt: %s</translation>
    </message>
    <message>
        <source>Delete …</source>
        <translation>Slet …</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Edit visit</source>
        <translation>Ret besøg</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Nyt besøg</translation>
    </message>
    <message>
        <source>(the whole company)</source>
        <translation>(hele virksomheden)</translation>
    </message>
    <message>
        <source>e.g. 1.12.2026</source>
        <translation>fx 1.12.2026</translation>
    </message>
    <message>
        <source>e.g. 09:30 (empty: all day)</source>
        <translation>fx 9.30 (tom: hele dagen)</translation>
    </message>
    <message>
        <source>Becomes a follow-up task</source>
        <translation>Bliver en opfølgningsopgave</translation>
    </message>
    <message>
        <source>Due date, e.g. 8.12.2026</source>
        <translation>Frist, fx 8.12.2026</translation>
    </message>
    <message>
        <source>The company itself asked to be contacted</source>
        <translation>Virksomheden har selv bedt om kontakt</translation>
    </message>
    <message>
        <source>The confirmation is recorded with the visit.</source>
        <translation>Bekræftelsen gemmes sammen med besøget.</translation>
    </message>
    <message>
        <source>P-unit</source>
        <translation>P-enhed</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Took part</source>
        <translation>Deltog</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Aftalt</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Delete the visit at %1 on %2? An open follow-up task from the visit goes with it.</source>
        <translation>Slet besøget hos %1 den %2? En åben opfølgningsopgave fra besøget slettes med.</translation>
    </message>
    <message>
        <source>%s is reklamebeskyttet: tick the box to confirm that the company itself asked to be contacted.</source>
        <translation>%s er reklamebeskyttet: sæt kryds for at bekræfte, at virksomheden selv har bedt om kontakt.</translation>
    </message>
    <message>
        <source>Note: %s</source>
        <translation>Bemærk: %s</translation>
    </message>
    <message>
        <source>the visit at %s</source>
        <translation>besøget hos %s</translation>
    </message>
</context>
</TS>
