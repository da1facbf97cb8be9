# Homegroup's core, in English: every text the engine words for people (errors, import problems,
# notifications, the tray, calendar files). es.ftl has the same ids with the same variables; the
# tests in core/src/i18n/tests.rs check both. Times come in as arguments, already written for the
# language (see core/src/i18n/clock.rs); never write a date or a time into a sentence here.

## Shared

# "at 7:00 PM". $time: the time as the language writes it; $hour: its hour on a 12-hour clock,
# for languages whose words change with it (Spanish: "a la 1:00", "a las 2:00").
time-at =
    { $hour ->
       *[other] at { $time }
    }

# The text of an error that is not in the catalogue yet, shown as it was given.
untranslated = { $text }

## What fields are called in messages about them ($label below)

label-meeting-name = name for the meeting
label-fellowship = fellowship
label-meeting-link = meeting link
label-dial-in = dial-in number
label-place-name = place name
label-address = address
label-place-notes = notes on the place
label-link-notes = notes on the link
label-dial-in-notes = notes on the dial-in
label-notes = notes
label-count-description = description
label-list-name = name for the list
label-phone = phone number
label-other-contact = other contact
label-person-name = name (a nickname or initials are fine)
label-person-note = note

## Checks on what people type

error-text-required = Please give a { $label }.
error-text-too-long = { CAPITALIZE($label) } is too long ({ $length } characters; at most { $max }).
error-text-unshowable = The { $label } contains characters that cannot be shown.
error-web-address = The { $label } must be a web address starting with https:// or http://.
error-time-zone-unknown = "{ $name }" is not a time zone Homegroup knows. Pick one from the list, such as America/Chicago.

## Meetings

error-weekday-range = { $day } is not a weekday: they go from 0 (Sunday) to 6 (Saturday).
error-date-format = "{ $text }" is not a date like 2026-12-24.
error-date-or-weekdays = Choose weekdays for a weekly meeting, or one date, not both.
error-time-format = "{ $text }" is not a time like 19:30.
error-start-time-missing = Please give the time the meeting starts.
error-days-missing = Choose the days the meeting is on, or one date.
error-duration-range = A meeting lasts between 1 minute and 24 hours.
error-fellowship-unknown = There is no fellowship "{ $id }" in the directory.
error-group-gone = That group no longer exists.
error-dial-in-format = A dial-in number can hold only digits, spaces and + , # * ( ) -.
error-type-code = "{ $code }" is not a meeting type code.
error-meeting-not-found = Meeting { $id } was not found
error-meeting-key-not-found = Meeting "{ $key }" was not found
# The command line: a slug that is also another meeting's id.
error-slug-and-id = "{ $key }" is the slug of meeting { $id } ({ $name }) and the id of another, { $other_name } ({ $other_source }). Use --id { $key } for the second, or --id { $id } for the first.
# The command line: $choices is a list of meeting-choice.
error-slug-many = "{ $key }" is the slug of more than one meeting; use --id with one of these: { $choices }.
meeting-choice = { $id } (from { $source })
source-this-app = this app

## My schedule

error-lead-too-long = A reminder can come at most one week before a meeting.
# $date: YYYY-MM-DD.
error-not-meeting-that-day = { $name } does not meet on { $date }.
error-attended-too-soon = A meeting can be marked as attended once it has started.
error-not-in-schedule = This meeting is not in your schedule.

## Settings

error-first-day = The first day of the week must be a day from Sunday to Saturday.

## The app lock

error-lock-not-on = The app lock is not on.
error-lock-already-on = The app lock is already on.
error-lock-off-first = Turn on the app lock first.
# $unit: seconds (under a minute), minute (one to two minutes) or minutes; $count: how many.
error-lock-wait =
    Too many wrong tries. Please wait { $unit ->
        [seconds] { $count } seconds
        [minute] a minute
       *[minutes] { $count } minutes
    } before trying again.
# $kind: pin or passphrase.
error-lock-wrong =
    That { $kind ->
        [pin] PIN
       *[passphrase] passphrase
    } is not right.
error-lock-unreadable = Homegroup kept a damaged copy of your data that it cannot read, so it cannot protect it. Agree to delete it to turn the lock on.
error-auto-lock-choice = Choose immediately, 1, 5 or 15 minutes.
error-secret-too-long = That is too long: at most { $max } characters.
error-secret-empty = Please type a PIN or a passphrase.
error-pin-digits = A PIN is digits only (0 to 9).
error-pin-short = A PIN needs at least { $min } digits.
error-passphrase-short = A passphrase needs at least { $min } characters.

## Saved data and files

error-storage-read-only = Homegroup could not save your data: the data folder is read-only.
error-storage-disk-full = Homegroup could not save your data: the disk is full.
error-storage-cannot-open = Homegroup could not open its data folder. Check that it exists and can be written to.
error-storage-busy = Homegroup's data is in use by another Homegroup window or command. Try again in a moment.
error-storage-damaged = Homegroup's data file is damaged.
error-storage-permission = Homegroup is not allowed to read or write its data folder.
error-storage-other = Homegroup could not read or save your data.
error-migration = Homegroup could not bring its saved data up to date.
error-file-not-found = The file or folder was not found.
error-file-permission = Homegroup is not allowed to read or write there.
error-file-read-only = That place is read-only: nothing can be saved there.
error-file-disk-full = The disk is full.
error-file-is-folder = That is a folder, not a file.
# $kind: the system's own words for the failure, in English.
error-file-other = The file could not be read or written ({ $kind }).
# $detail: what the code found, in English (for the logs more than for people).
error-data = data: { $detail }
error-locked = Homegroup is locked.
# Something asked for by a caller not worded here yet: $what in English ("Group 7").
error-not-found-text = { $what } was not found
error-copy-damaged = That copy is damaged and cannot be restored.
error-copy-not-found = The copy "{ $name }" was not found

## Backups

error-not-backup = This file is not a Homegroup backup.
error-backup-damaged = This backup is damaged and cannot be read ({ $detail }).
error-backup-newer = This backup was made by a newer Homegroup (backup version { $version }; this one reads up to { $supported }). Please update Homegroup, then restore it.
error-backup-passphrase-too-long = That passphrase is too long: at most { $max } characters.
error-backup-passphrase-empty = Please type a passphrase.
error-backup-protected-damaged = This protected backup is damaged or incomplete (perhaps it was not copied completely), so it cannot be opened.
error-backup-wrong-passphrase = That passphrase does not open this backup.
error-backup-excessive-work = This backup was protected with far more work than Homegroup allows, so opening it here would take too long. Please make the backup again with Homegroup.
error-backup-unknown-format = This protected backup uses a newer kind of encryption than this Homegroup reads. Please update Homegroup, then restore it.
error-backup-age-key = This file is encrypted with an age key, not a passphrase, so Homegroup cannot open it. Homegroup's backups are protected with a passphrase.
error-backup-needs-passphrase = This backup is protected with a passphrase. Please type it to open the backup.
error-backup-armored = This protected file is in age's text (armored) form, which Homegroup does not open. Please choose the backup file Homegroup saved.

## People and contacts

error-phone-format = A phone number is digits, with + at the start if you like, and spaces, dashes, dots or brackets.
error-other-contact = Give another phone number or an email address, or leave this empty.
error-person-group-gone = That group is no longer there.
error-person-meeting-gone = That meeting is no longer there.
error-person-not-found = Person was not found
# A contact that could not be added: its name, and why.
error-contact = { $name }: { $problem }
vcard-too-large = This file is larger than 10 MB, which is more than a contacts export needs. Export only the contacts you want, or choose another file.
vcard-too-many = This file has more than 5,000 contacts. Export a smaller list (one group, or your favourites) and try again.
vcard-empty = This file is empty. Choose the .vcf file your phone exported.
vcard-not-text = This file is not a contacts file: it does not read as text. Choose the .vcf file your phone exported.
vcard-not-vcard = This file is not a contacts file (vCard). Choose the .vcf file your phone exported.
vcard-cut-off = This contacts file stops in the middle of a contact, so it may have been cut off. Try exporting your contacts again.
vcard-damaged = Part of this contacts file could not be read, so nothing was taken from it. Try exporting your contacts again.
vcard-no-name = This contact has no name.
vcard-no-phone = This contact has no phone number.

## My milestones

error-count-date-format = Please give a date, such as 2025-09-20.
error-count-date-future = The date is in the future. Give the day the count starts from.
error-count-date-too-early = Please give a date from 1900 on.
error-count-not-found = Count was not found
milestone-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
milestone-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
milestone-months =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
milestone-years =
    { $count ->
        [one] { $count } year
       *[other] { $count } years
    }
# $milestone: one of the four above.
milestone-title = { $milestone } today
# Discreet: that there is a milestone, nothing more.
milestone-title-discreet = A milestone today
# When the count has no description of its own.
milestone-body = Well done.

## Reminders: notifications and the tray ($at is a time-at)

reminder-starting-now = Starting now
reminder-starts-in =
    Starts in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
reminder-starts-at = Starts { $at }
# Discreet: no meeting, fellowship, group or place.
reminder-title-discreet = Meeting { $at }
reminder-title = { $name } { $at }
reminder-online = Online
reminder-hybrid = In person or online
reminder-hybrid-at = { $place } or online
reminder-body = { $when } · { $place }
tray-open = Open Homegroup
tray-reach-out = Reach out
tray-people = My people
tray-lock = Lock now
tray-quit = Quit Homegroup…
quit-title = Quit Homegroup?
quit-body = Meeting reminders stop until you open Homegroup again.
quit-confirm = Quit
quit-keep = Keep running
tray-idle = Homegroup
tray-next-discreet = Next meeting { $at }
tray-next = Next: { $name } { $at }
# The last notification of the plan kept while the app is locked.
nudge-title = Homegroup
nudge-body = Open Homegroup to keep your meeting reminders coming.
reminders-unavailable = Reminders cannot be shown: no notification service answered on this computer. Check that your desktop shows notifications, then restart Homegroup.
reminders-not-allowed = Reminders cannot be shown: notifications are not allowed for Homegroup on this phone. Allow them in Homegroup's notification settings on the phone.
# The two kinds of notification on Android, as the phone's settings list them.
channel-reminders = Meeting reminders
channel-discreet = Discreet reminders

## Import: the whole file

error-feed-unreadable = This file is not a meeting list Homegroup can read (line { $line }, column { $column }: { $detail }).
error-list-shrinks = { $leaving } of the { $before } meetings this list had last time are missing from it. A list that loses so many at once is often a mistake at its source, so nothing was imported.
error-list-no-zone = This list does not say which time zone its meetings are in. Please choose one.

## Import: one row ($value is what the file had there)

import-not-object = This row is not a meeting (it is not a JSON object).
import-duplicate-slug = An earlier row has the same slug, so this one was left out.
import-type-unknown = The type code "{ $code }" is not known; it is kept as it is.
import-type-unknown-for = The type code "{ $code }" is not known for { $fellowship }; it is kept as it is.
import-not-text = This is not text, so it was left out.
import-cut = This was longer than { $max } characters, so the end was cut.
import-not-web-link = "{ $value }" is not a web link (https://…), so it was left out.
import-not-dialable = "{ $value }" is not a number a phone can dial, so it was left out.
import-not-coordinate = This is not a usable coordinate, so it was left out.
import-not-time-zone = "{ $value }" is not a time zone, so the list's zone is used.
import-types-not-list = The meeting types are not a list, so they were left out.
import-not-type-code = "{ $value }" is not a meeting type code, so it was left out.
import-no-slug = This row has no slug or id, so it cannot be kept up to date.
import-no-id = This row has no id, so it cannot be kept up to date.
import-no-name = This row has no meeting name.
import-day-left-out = { $value } is not a day from 0 (Sunday) to 6, so it was left out.
import-day-text-left-out = "{ $value }" is not a day, so it was left out.
import-day-invalid = { $value } is not a day from 0 (Sunday) to 6 (Saturday).
import-no-valid-day = None of the days given is a day from 0 (Sunday) to 6.
import-time-without-day = The meeting has a time but no day, so it is kept as by appointment.
import-time-format = "{ $value }" is not a time like 19:00 or 7:00 PM.
import-day-without-time = The meeting has a day but no time.
import-end-time-format = "{ $value }" is not a time, so the meeting is taken to last an hour.
import-attendance-unknown = "{ $value }" is not an attendance option, so it was worked out from the meeting.
import-bmlt-day = This is not a day from 1 (Sunday) to 7 (Saturday).
import-bmlt-time-format = "{ $value }" is not a time like 19:00:00.
import-bmlt-duration = This is not a length like 01:00:00, so the meeting is taken to last an hour.

## The calendar file (export)

calendar-name = Homegroup: my meetings
calendar-join = Join: { $url }
calendar-dial-in = Dial in: { $phone }
