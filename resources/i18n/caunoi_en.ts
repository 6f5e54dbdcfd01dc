<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ActionPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="+66" />
            <source>Call next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Call again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Start serving</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Did not come</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Transfer to another service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AdminOverlay</name>
        <message>
            <location filename="../../ui/admin_gesture.py" line="+143" />
            <source>Back to the kiosk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open the administration screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Quit the application</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AdminWindow</name>
        <message>
            <location filename="../../ui/staff/admin.py" line="+177" />
            <source>Quit the application</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Office and device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>One-stop services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>USB and paper forms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>This device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Commune code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Hotline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Demo data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Free disk space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reports waiting to sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Device clock</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+21" />
            <source>%n, not yet sent to the province</source>
            <translation>
                <numerusform>%n, not yet sent to the province</numerusform>
                <numerusform>%n, not yet sent to the province</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>0, everything has been sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The device clock is running behind: it reads {now}, but data already exists from {newest}. Please correct the date and time; new reports will not be timestamped earlier than the data already recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Not set up: the office catalog has not been loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Yes: demonstration data, not a real office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="+133" />
            <source>The application could not start. The details were written to the log; please tell a staff member.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupBox</name>
        <message>
            <location filename="../../ui/staff/backup_admin.py" line="+116" />
            <source>Backup and restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>A backup holds every report, photo and queue record of this device and the key for residents' contact details, encrypted with a passphrase you choose. Keep the passphrase apart from the USB stick: without it the backup cannot be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Save the backup in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Backup passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Passphrase again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Backup file to restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Its passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>for example /media/usb/caunoi-….caunoi-backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Make a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Restore this backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Replace the data already on this device (it is backed up first, with the same passphrase)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>The operation failed unexpectedly; the details were written to the log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Making the backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Backup saved: {path}. Reports in it: {reports}; photos: {photos}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Type the path of the backup file first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Restoring…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Restored. Reports: {reports}; still to be sent: {pending}. This device must now be enrolled again (Sync tab, a new code from the province); then restart the application.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CategoryScreen</name>
        <message>
            <location filename="../../ui/screens/category.py" line="+26" />
            <source>What is your report about?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Before the first report: who is taking reports on this laptop?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClerkConsole</name>
        <message>
            <location filename="../../ui/staff/clerk.py" line="+107" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Find by code (e.g. K7QM-2XPD-9RW) or by words</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+32" />
            <source>Reports: %n</source>
            <translation>
                <numerusform>Reports: %n</numerusform>
                <numerusform>Reports: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Showing {shown} of {total}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClerkWindow</name>
        <message>
            <location filename="../../ui/staff/clerk_window.py" line="+104" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Printing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Figures</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CodeKeys</name>
        <message>
            <location filename="../../ui/screens/code_keys.py" line="+32" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CounterPicker</name>
        <message>
            <location filename="../../ui/staff/clerk_window.py" line="-53" />
            <source>Which counter is this?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Choose the counter this computer serves. Its number is shown on the board when you call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Counter {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>The counters could not be read. Please restart the console or tell the administrator.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CurrentCard</name>
        <message>
            <location filename="../../ui/staff/queue_card.py" line="+39" />
            <source>At the counter now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Free — press “Call next”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Free — nobody is waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Called — waiting for the resident to come</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Being served</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>taken {taken}, called {called}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DescribeScreen</name>
        <message>
            <location filename="../../ui/screens/describe.py" line="+23" />
            <source>What happened? Please describe it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Say what, where and since when, for example: the street light at the start of the hamlet has been off for a week.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Type here…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>{count}/{limit} characters</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EditReportDialog</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="+152" />
            <source>Edit report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Report {code}: the corrected report replaces the one waiting to be sent. The resident's receipt and code stay the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Report text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>(not given)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Latitude, e.g. 10.4562</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Longitude, e.g. 105.6321</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Latitude</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Longitude</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save the change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>The change could not be saved. Please try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FiguresScreen</name>
        <message>
            <location filename="../../ui/staff/figures.py" line="+211" />
            <source>The figures could not be read. Please try again or tell the administrator.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Month {month}/{year}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>‹ Previous month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Next month ›</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reports received by category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Answered on time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Satisfaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Satisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Acceptable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Unsatisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Reports received by category: {n} this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Reports due this month answered (resolved or rejected) on or before their due date. Not answered yet: {open}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>No report fell due this month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>{n} ratings: {queue} of counter service, {reports} of report answers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Saving the PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>PDF saved: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The PDF could not be saved. Check the free disk space and try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FiguresTable</name>
        <message>
            <location filename="../../ui/staff/queue_tables.py" line="+87" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Issued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Absent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Serve</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FiledListPage</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="+173" />
            <source>Volunteer on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reports taken on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Show:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>All reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Taken on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Hamlet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Taken by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw report…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+23" />
            <source>%n report(s) shown</source>
            <translation>
                <numerusform>%n report shown</numerusform>
                <numerusform>%n reports shown</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source> (of {total})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Choose a report to edit or withdraw it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Not sent yet: it can still be edited or withdrawn.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Report {code} was changed; the new version waits to be sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Report {code} was withdrawn; it will not be sent.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FiledScreen</name>
        <message>
            <location filename="../../ui/screens/filed.py" line="+33" />
            <source>Receipts filed on this device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Find by code, e.g. K7QM-2XPD-9RW</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Find by code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Receipts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Print again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Open the receipt PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+39" />
            <source>Printing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>This device saves receipts as PDF only: open the PDF to print it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Printed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HomeScreen</name>
        <message>
            <location filename="../../ui/screens/home.py" line="+24" />
            <source>Welcome. Touch a task below to begin.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Take a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Report a problem or make a request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Receipts filed here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Look up a report or dossier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Results of reports</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HoursEditor</name>
        <message>
            <location filename="../../ui/staff/queue_hours.py" line="+109" />
            <source>Office hours for issuing numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open around the clock (no hours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Stop issuing before closing (minutes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Closes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Lunch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Open on this day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Lunch break</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HubAdminBox</name>
        <message>
            <location filename="../../ui/staff/hub_admin.py" line="+140" />
            <source>Office hub</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Hub address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. http://192.168.1.10:8765</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>One-time code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>the code shown on the hub</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Pair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Unpair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Make a pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>This PC is the office hub</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>This station is paired with the hub at %1. Restart it to use a new pairing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>This PC uses its own queue (not paired with a hub).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Type the hub's address and the code it shows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Pairing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>Paired with the hub at %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Unpaired: this PC uses its own queue after a restart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Saved. This PC serves the office hub from its next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Saved. This PC no longer serves the office hub after a restart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Code %1 (single use, 10 minutes) for the hub at %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HubWindow</name>
        <message>
            <location filename="../../ui/staff/hub_window.py" line="+39" />
            <source>The hub server could not start; the details were written to the log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+96" />
            <source>Office hub</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Make a pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Paired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Revoked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>The hub is not running: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The hub is running; stations on the office network can pair with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Hub address: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Code %1 (single use, 10 minutes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>Revoke</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Station revoked: it can no longer use the hub.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KioskSettingsBox</name>
        <message>
            <location filename="../../ui/staff/kiosk_settings.py" line="+45" />
            <source>Kiosk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Read the guidance aloud on the kiosk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save the kiosk settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Saved. The kiosk reads the guidance aloud from the next resident on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Saved. The kiosk no longer reads the guidance aloud.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>The kiosk settings could not be saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LatestPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+47" />
            <source>No number has been called yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Now calling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Counter {n}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LookupResultScreen</name>
        <message>
            <location filename="../../ui/screens/lookup_result.py" line="+94" />
            <source>This information may be out of date: last updated {time}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>This information may be out of date: this kiosk has not yet received any update from the province.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Report {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Dossier {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Updated at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Not yet updated from the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Procedure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Filed on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Received on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Handled by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Collect the result at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>We apologise for the delay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>The answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>What has happened so far</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Unit: {unit}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>No events yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Print a status slip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Look up another code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Reply due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Result due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>New date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Thank you for rating the answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>This answer has already been rated. Thank you!</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>How satisfied are you with the answer?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <location line="+1" />
            <source>A comment (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Send the rating</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LookupScreen</name>
        <message>
            <location filename="../../ui/screens/lookup.py" line="+111" />
            <source>Type the code on your receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>A report's tracking code (e.g. K7QM-2XPD-9RW) or a dossier code. You can also scan the QR code on the receipt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Also type the lookup secret printed on the dossier receipt (at least {n} characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <location line="+1" />
            <source>Lookup secret</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <location line="+98" />
            <source>Look up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-95" />
            <location line="+123" />
            <source>Show the QR code to the camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-34" />
            <source>Please wait {n} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>Type the code instead</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NextPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+110" />
            <source>Next numbers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <location filename="../../ui/keyboard/widget.py" line="+115" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Capital letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Typing language: Vietnamese or English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Rising tone (sắc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Falling tone (huyền)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Question tone (hỏi)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Tumbling tone (ngã)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Heavy tone (nặng)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PaperImportBox</name>
        <message>
            <location filename="../../ui/staff/paper_import.py" line="+71" />
            <source>Import paper forms (CSV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Type the path of the spreadsheet (CSV) filled in from paper forms. “Check” lists every row's problems and stores nothing; “Import” is possible once the check is clean. “Make template” writes an empty sheet and its instructions to the path typed (a folder or a .csv file).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>e.g. E:\phieu-giay.csv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Make template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Please type the path of the CSV file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>The file could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>{bad} of {rows} rows have errors; nothing was stored. Correct the file, then check again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>The file is correct: {rows} form(s) ready to import. Nothing stored yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>The file changed since the check; nothing was stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>row {row} · form {form} → {code} · due {due}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Imported %n paper form(s).</source>
            <translation>
                <numerusform>Imported %n paper form.</numerusform>
                <numerusform>Imported %n paper forms.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tracking codes written to {path}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Template written to {sheet}, instructions to {guide}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PathRow</name>
        <message>
            <location filename="../../ui/staff/handover.py" line="+115" />
            <source>Choose the USB folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhotosScreen</name>
        <message>
            <location filename="../../ui/screens/photos.py" line="+56" />
            <source>Add photos (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Up to 3 photos help the commune see the problem. You can skip this step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Take photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>This kiosk has no camera, so photos cannot be taken here. You can skip this step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Choose photos from this computer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>The camera did not take the photo. Please try again, or skip this step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>Choose photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Photos (*.jpg *.jpeg *.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Preparing the photo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>{count} of {limit} photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>This photo could not be processed. Please take it again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PinForm</name>
        <message>
            <location filename="../../ui/staff/pin_form.py" line="+81" />
            <source>Staff PINs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>New PIN ({min} to {max} digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>New PIN again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>This role has a PIN; saving replaces it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>No PIN yet: nobody can open this role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>The two PINs are not the same. Type the new PIN again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Saving the PIN…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>The PIN for “{role}” has been saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>The PIN could not be saved. Please try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../../ui/staff/pin_pad.py" line="+126" />
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Delete last digit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Check again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>No administrator PIN has been set yet. Choose a PIN of {min} to {max} digits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>No PIN has been set for “{role}” yet. An administrator must set one first, in the Administration screen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Enter your PIN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Locked after too many wrong tries. Try again after {time}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+54" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>Wrong PIN. Tries left: %n.</source>
            <translation>
                <numerusform>Wrong PIN. Tries left: %n.</numerusform>
                <numerusform>Wrong PIN. Tries left: %n.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <source>The PIN could not be checked. Please try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Enter the same PIN again to confirm it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>The two PINs are not the same. Choose a PIN again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Saving the PIN…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>An administrator PIN was set meanwhile. Enter that PIN.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlaceScreen</name>
        <message>
            <location filename="../../ui/screens/place.py" line="+41" />
            <source>Where is it? (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet or neighbourhood</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Not sure / no choice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Address or landmark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>e.g. near the Hòa Bình market bridge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Coordinates (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Latitude, e.g. 10.4562</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Longitude, e.g. 105.6321</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Next</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrintStatus</name>
        <message>
            <location filename="../../ui/printing/status.py" line="+47" />
            <source>Reprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Printing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Printed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Printing failed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrinterSettingsBox</name>
        <message>
            <location filename="../../ui/staff/printer_admin.py" line="+68" />
            <source>Printer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Printer address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. escpos+tcp://192.168.1.50:9100</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Beep after printing (thermal printers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Test print</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Saved. This station prints on: {url}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Printing the test page…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>No printer is set (pdf:): the test page was saved as {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>The test page was sent to the printer. Check that the Vietnamese letters and the QR code print clearly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>The test page could not be made.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrivacyAdminBox</name>
        <message>
            <location filename="../../ui/staff/privacy_admin.py" line="+98" />
            <source>Personal data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Days residents' contact details stay on this device after the province has the report (0 = at the next purge; at most 30, as the consent text promises)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Days to keep contact details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Move the key into the keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Receipt code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Export for the resident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Press again to erase for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Erase the personal data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Press again: older details stay unreadable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Make a new key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>Warning: no keyring works on this PC ({reason}), so the key protecting residents' personal data is kept in the file keys/data.key beside the data, readable only by the app's user. Anyone who copies the whole data folder gets both. Set up the session keyring, then press “Move the key into the keyring”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Personal data is encrypted; its key is in the system keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>No personal data stored yet; the key is made with the first contact details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+31" />
            <source>Done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Anonymous report: no contact details were given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Name: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Phone: {phone}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Private address: kept encrypted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Personal data erased ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>on request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>retention period over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Erased automatically after {when} (UTC).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Not yet at the province: kept until then.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Saved for the resident in {path}. It is removed from this device after a day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>This cannot be undone. Press again to erase the name, phone and private address of this report.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Erased.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Nothing was left to erase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>The province already has the report: ask it to erase its copy too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>That did not work. The details were written to the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QuarantineEditDialog</name>
        <message>
            <location filename="../../ui/staff/quarantine_edit.py" line="+104" />
            <source>Edit and resend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Report {code}: the province refused it. Correct it, then resend.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Report text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Hamlet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>(not given)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Resend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>The report could not be saved. Please try again or tell the administrator.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QuarantineItem</name>
        <message>
            <location filename="../../ui/staff/sync_panel.py" line="+97" />
            <source>Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Rating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Queue number event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>{what} · made {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Edit and resend</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueAdmin</name>
        <message>
            <location filename="../../ui/staff/queue_admin.py" line="+177" />
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Services each counter serves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Calling order and kiosk limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Priority tickets (elderly, disabled, pregnant, small children)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Always first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Interleaved: one after every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>normal tickets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Tickets the kiosk may issue per minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <location line="+28" />
            <source>Counter {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Nothing had changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Could not save; the details are in the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueBoard</name>
        <message numerus="yes">
            <location filename="../../ui/board/window.py" line="+135" />
            <source>Reports received today: %n</source>
            <translation>
                <numerusform>Reports received today: %n</numerusform>
                <numerusform>Reports received today: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueCodeScreen</name>
        <message>
            <location filename="../../ui/screens/queue_code.py" line="+30" />
            <source>Type the booking code you received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>It is in your booking message. You can also scan its QR code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Take a number</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueConsole</name>
        <message>
            <location filename="../../ui/staff/queue_console.py" line="+139" />
            <source>Counter {n} — queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Change counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Today (median times in minutes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Close counter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Open counter</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Waiting for this counter: %n</source>
            <translation>
                <numerusform>Waiting for this counter: %n</numerusform>
                <numerusform>Waiting for this counter: %n</numerusform>
            </translation>
        </message>
        <message>
            <location line="+18" />
            <source>This counter: {served} served, {no_show} did not come, median service time {minutes}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>{m} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Ratings: {list}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>The queue could not be read; trying again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>That did not work. Please try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>Nobody is waiting for this counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Thank you! The rating was saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueServicesScreen</name>
        <message>
            <location filename="../../ui/screens/queue_services.py" line="+89" />
            <source>Which service do you need?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>I have priority (elderly, disabled, pregnant, or with a small child)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>I have a booking code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+39" />
            <source>Loading the services…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No service is giving numbers at the moment. Please ask a staff member.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueTake</name>
        <message>
            <location filename="../../ui/screens/queue_take.py" line="+57" />
            <source>The number could not be issued. Please try again or ask a staff member.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueTicketScreen</name>
        <message>
            <location filename="../../ui/screens/queue_ticket.py" line="+35" />
            <source>Your number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Please watch the screen and listen: your number will be called with its counter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Counters: {counters}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Counter: {counters}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n people ahead of you</source>
            <translation>
                <numerusform>%n person ahead of you</numerusform>
                <numerusform>%n people ahead of you</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>You are next</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>Estimated wait: about %n minutes</source>
            <translation>
                <numerusform>Estimated wait: about %n minute</numerusform>
                <numerusform>Estimated wait: about %n minutes</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Priority number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Booked: {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>The ticket could not be printed. Please remember your number: {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Preparing the ticket…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RatingPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="+92" />
            <source>How was your visit today (number {number})? Touch one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Satisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Acceptable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Not satisfied</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReceiptScreen</name>
        <message>
            <location filename="../../ui/screens/receipt.py" line="+56" />
            <source>Your report has been saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Your tracking code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Keep this code: it shows how your report is handled, never your personal data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Expected reply by: {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>The report is saved at the commune and will be sent to the province automatically when there is a connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Open the receipt PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>The receipt can be printed again at the counter.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="-80" />
            <source>Called before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Counter {n}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentPrints</name>
        <message>
            <location filename="../../ui/staff/recent_prints.py" line="+88" />
            <source>Find by code or ticket number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Number or code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Printer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Report receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Queue ticket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Test page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <location line="+39" />
            <source>Printed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-39" />
            <location line="+40" />
            <source>Saved as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-16" />
            <source>Choose a receipt in the list first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Printing…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportDetail</name>
        <message>
            <location filename="../../ui/staff/report_detail.py" line="+112" />
            <source>Choose a report in the list to see it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Received at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Reply due by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open receipt PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reprint receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+35" />
            <source>Not given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Anonymous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Left contact details; phone {phone}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Left contact details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>No photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Preparing the receipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>The receipt PDF could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>The receipt could not be made.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Printing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>No printer is set for this station (pdf:): open the receipt PDF to print it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>The receipt was printed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportState</name>
        <message>
            <location filename="../../ui/staff/report_table.py" line="+23" />
            <source>Not sent yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Held for checking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawn</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportTableModel</name>
        <message>
            <location line="+38" />
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Hamlet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultsScreen</name>
        <message>
            <location filename="../../ui/screens/results.py" line="+87" />
            <source>Results of reports filed in the commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>‹ Earlier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Earlier month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Later ›</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Later month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+52" />
            <source>Month {month}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Filed {filed} · answered {answered}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>No results have been published yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>No results in this category this month.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../ui/screens/review.py" line="+35" />
            <source>Please check your report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>Send report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Sent by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Taken by volunteer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Not set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>No photos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Not given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Anonymous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+55" />
            <source>Something went wrong and the report was not saved. Please tell a staff member.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServicesTable</name>
        <message>
            <location filename="../../ui/staff/queue_admin.py" line="-202" />
            <source>Prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Name (Vietnamese)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Name (English)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>In use</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServingPanel</name>
        <message>
            <location filename="../../ui/board/panels.py" line="+19" />
            <source>At the counters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Counter {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../../ui/shell.py" line="+127" />
            <source>Step {n}/{total}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>‹ Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location filename="../../ui/smoke.py" line="+71" />
            <source>Home</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Larger text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>High contrast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+186" />
            <source>Returning to the home screen in {n} seconds — touch the screen to continue</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaffRoles</name>
        <message>
            <location filename="../../ui/staff/roles.py" line="+11" />
            <source>Clerk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Digital-team volunteer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Clerk console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Volunteer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Administration</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncEnrolBox</name>
        <message>
            <location filename="../../ui/staff/sync_enrol.py" line="+147" />
            <source>Provincial server: enrolment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Server address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. https://caunoi.example.gov.vn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Enrolment code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>the one-time code from the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Where the device's access token is kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Kept in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The operating system's keyring (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>A file in the data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Warning: the access token is kept in a file in the data folder. This is only safe when this PC's disk is encrypted (BitLocker, LUKS…).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Keep the access token in a file in the data folder? Anyone who can read this PC's disk can then use it to send data as this device. Only choose this if the disk is encrypted and no keyring can be set up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>I understand, use a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>CA certificate file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>empty: the system's certificates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>This device is enrolled with {server} for commune {commune}. Device id: {device}. Enrolling again with a new code is allowed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Enrol again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>This device is not enrolled with the provincial server yet: nothing is sent to the province.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Enrol device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>The keyring works on this PC.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Type the server's address and the enrolment code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Enrolling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Enrolled with {server} for commune {commune}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Enrolment failed unexpectedly ({error}). The details are in the log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Not enrolled: this PC cannot keep the device's secrets yet. See “{section}” below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>Saved: the access token is now kept in a file in the data folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Saved: the access token is now kept in the keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>There is no certificate file “{path}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Saved: the certificate file {path} is used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Saved: the system's certificates are used.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../ui/staff/sync_panel.py" line="+77" />
            <source>Sync with the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Refused by the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Provincial server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>This device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Last successful sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Clock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Next automatic try</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Last problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Ratings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Queue number events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Sync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Not compared with the server yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>This PC's clock agrees with the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>This PC's clock is {amount} behind the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>This PC's clock is {amount} ahead of the server</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n second</numerusform>
                <numerusform>%n seconds</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <location line="+6" />
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute</numerusform>
                <numerusform>%n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="-3" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>Not enrolled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Commune {commune}, device id {device}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Never synced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Everything has been sent.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n item(s) will be sent at the next sync.</source>
            <translation>
                <numerusform>%n item will be sent at the next sync.</numerusform>
                <numerusform>%n items will be sent at the next sync.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+15" />
            <source>None: this device is not enrolled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Only when “Sync now” is pressed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Not before {time} (waiting after a failed try)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Around {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Nothing was refused.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>The province refused %n item(s). They are kept here and are not sent again until corrected.</source>
            <translation>
                <numerusform>The province refused %n item. It is kept here and is not sent again until corrected.</numerusform>
                <numerusform>The province refused %n items. They are kept here and are not sent again until corrected.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+16" />
            <location line="+11" />
            <source>Connecting to the provincial server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-4" />
            <source>Syncing…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>Sending… %n item(s) sent</source>
            <translation>
                <numerusform>Sending… %n item sent</numerusform>
                <numerusform>Sending… %n items sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>Receiving updates… %n so far</source>
            <translation>
                <numerusform>Receiving updates… %n so far</numerusform>
                <numerusform>Receiving updates… %n so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>Done: %n new item(s) sent</source>
            <translation>
                <numerusform>Done: %n new item sent</numerusform>
                <numerusform>Done: %n new items sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n refused</source>
            <translation>
                <numerusform>%n refused</numerusform>
                <numerusform>%n refused</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n update(s) received</source>
            <translation>
                <numerusform>%n update received</numerusform>
                <numerusform>%n updates received</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferPanel</name>
        <message>
            <location filename="../../ui/staff/queue_panels.py" line="-65" />
            <source>Send {number} to which service? It keeps its place in the queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UsbExportPage</name>
        <message>
            <location filename="../../ui/staff/handover.py" line="+57" />
            <location line="+9" />
            <source>Copy to USB for the commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-7" />
            <source>Where there is no network, the reports waiting on this laptop travel to the commune office on a USB stick, encrypted for the office's computers. The laptop still sends them itself at its next sync, unless the office confirmed them first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>USB folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. E:\ or /media/lan/USB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Choose folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Read the commune's confirmation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>1. Copy to the USB stick here.  2. At the commune office, the administrator chooses “Import from a volunteer's USB”; the office writes its confirmation back to the stick.  3. Plug the stick in here again and read the confirmation.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>%n report(s) waiting to be sent.</source>
            <translation>
                <numerusform>%n report waiting to be sent.</numerusform>
                <numerusform>%n reports waiting to be sent.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n report(s) on a USB stick, waiting for the commune to confirm.</source>
            <translation>
                <numerusform>%n report on a USB stick, waiting for the commune to confirm.</numerusform>
                <numerusform>%n reports on a USB stick, waiting for the commune to confirm.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>Please type the USB folder, or choose it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Working… please do not unplug the USB stick.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Something went wrong; nothing was marked. Please try again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>Copied %n report(s)</source>
            <translation>
                <numerusform>Copied %n report</numerusform>
                <numerusform>Copied %n reports</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>with {photos} photo(s) to {path}. Hand the stick to the commune office; afterwards, read its confirmation here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>The file is split into {n} parts: copy all of them.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>The commune had confirmed %n report(s) of the last hand-over.</source>
            <translation>
                <numerusform>The commune had confirmed %n report of the last hand-over.</numerusform>
                <numerusform>The commune had confirmed %n reports of the last hand-over.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+16" />
            <source>The commune confirmed %n report(s); they will not be sent again from this laptop.</source>
            <translation>
                <numerusform>The commune confirmed %n report; it will not be sent again from this laptop.</numerusform>
                <numerusform>The commune confirmed %n reports; they will not be sent again from this laptop.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n were already marked before.</source>
            <translation>
                <numerusform>%n was already marked before.</numerusform>
                <numerusform>%n were already marked before.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UsbImportBox</name>
        <message>
            <location filename="../../ui/staff/usb_import.py" line="+53" />
            <source>Import from a volunteer's USB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Type the USB folder (every transfer file in it is imported) or one transfer file. The signature is checked, the reports are queued for the province, and the confirmation for the volunteer's laptop is written back to the stick.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>e.g. E:\ or /media/canbo/USB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Please type the USB folder or the transfer file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Checking and importing… please do not unplug the USB stick.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>{file}: imported {imported}, already here {skipped}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Confirmation written to {receipt}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>The import failed; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VolunteerIdentityForm</name>
        <message>
            <location filename="../../ui/staff/volunteer_identity.py" line="+64" />
            <location line="+4" />
            <source>Volunteer id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-3" />
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. TNV-0123</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. Nguyễn Thị Lan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Volunteer's full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Saved: reports filed on this laptop are marked as taken by {who}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VolunteerWindow</name>
        <message>
            <location filename="../../ui/staff/windows.py" line="+68" />
            <source>Take a report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Taken on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>USB hand-over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Sync</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WaitingTable</name>
        <message>
            <location filename="../../ui/staff/queue_tables.py" line="-42" />
            <source>Number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Taken at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WhoScreen</name>
        <message>
            <location filename="../../ui/screens/who.py" line="+28" />
            <source>Do you want the commune to be able to contact you?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Send anonymously</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Leave my name and phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+42" />
            <source>Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Please enter your name or phone number, or choose “Send anonymously”.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WithdrawDialog</name>
        <message>
            <location filename="../../ui/staff/volunteer_list.py" line="-224" />
            <source>Withdraw report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw report {code}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Only when the resident asks for it. The report will never be sent to the commune or the province, and the resident's contact details are erased from this laptop. Their receipt will show “Withdrawn at the resident's request”. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Reason (required; no names or phone numbers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>e.g. the resident sorted it out with the neighbour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Withdraw the report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+30" />
            <source>The report could not be withdrawn. Please try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>_Words</name>
        <message>
            <location line="-257" />
            <source>Sent to the province (case {ref})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+11" />
            <source>Sent to the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-7" />
            <source>Refused by the province: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Waiting to be sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Handed over by USB, waiting for the commune to confirm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The commune received it by USB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Refused by the province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawn</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
