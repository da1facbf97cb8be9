#!/usr/bin/env python3
"""Adds Homegroup's Android parts to the project `tauri android init` generates (src-tauri/gen/android):
the reminder permissions and the boot receiver in AndroidManifest.xml, and the Kotlin files from
src-tauri/mobile/android/. Run from the repository's root after `tauri android init`; running it
again changes nothing. The release workflow runs it; why each permission is asked for is in
docs/mobile-permissions.md.

Only the manifest editing was tried, on a copy of Tauri's manifest template; the result was never
built (see docs/mobile.md).
"""
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
APP = ROOT / "src-tauri/gen/android/app/src/main"
MANIFEST = APP / "AndroidManifest.xml"
# The app's package, from "identifier" in tauri.conf.json.
KOTLIN_DIR = APP / "java/org/homegroup/app"
KOTLIN_FILES = ["BootReceiver.kt", "PhonePlugin.kt"]

PERMISSIONS = {
    # Android 13+ shows no notification at all unless the user allows this when asked.
    "android.permission.POST_NOTIFICATIONS": "Reminders before your meetings are notifications.",
    # A reminder must come at its minute, not whenever the system batches inexact alarms; Android
    # 12+ needs this for exact alarms (14+ leaves it off for new installs until the user allows it).
    "android.permission.SCHEDULE_EXACT_ALARM": "Reminders come at the minute you chose, not later.",
    # Android forgets every alarm at a restart: BootReceiver arms the reminders again.
    "android.permission.RECEIVE_BOOT_COMPLETED": "Reminders keep coming after the phone restarts.",
}

RECEIVER = """        <!-- Arms Homegroup's reminders again after a restart, from the plan file (BootReceiver.kt).
             LOCKED_BOOT_COMPLETED is ignored until the phone is first unlocked: the plan file
             is in credential-encrypted storage. -->
        <receiver android:name=".BootReceiver" android:exported="false">
            <intent-filter>
                <action android:name="android.intent.action.BOOT_COMPLETED" />
                <action android:name="android.intent.action.LOCKED_BOOT_COMPLETED" />
            </intent-filter>
        </receiver>
"""


def main() -> None:
    manifest = MANIFEST.read_text(encoding="utf-8")
    lines = [
        f'    <!-- {why} -->\n    <uses-permission android:name="{permission}" />\n'
        for permission, why in PERMISSIONS.items()
        if f'"{permission}"' not in manifest
    ]
    if lines:
        manifest = re.sub(r"(<manifest\b[^>]*>\n?)", lambda m: m.group(1) + "".join(lines), manifest, count=1)
    if ".BootReceiver" not in manifest:
        manifest = manifest.replace("    </application>", RECEIVER + "    </application>", 1)
    for permission in PERMISSIONS:
        assert f'"{permission}"' in manifest, f"{permission} was not added to {MANIFEST}"
    assert ".BootReceiver" in manifest, f"the boot receiver was not added to {MANIFEST}"
    MANIFEST.write_text(manifest, encoding="utf-8")

    KOTLIN_DIR.mkdir(parents=True, exist_ok=True)
    for name in KOTLIN_FILES:
        shutil.copyfile(ROOT / "src-tauri/mobile/android" / name, KOTLIN_DIR / name)
    print(manifest)
    print("copied", ", ".join(KOTLIN_FILES), "to", KOTLIN_DIR)


if __name__ == "__main__":
    main()
