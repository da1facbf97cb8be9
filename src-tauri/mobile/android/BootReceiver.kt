// Homegroup's reminders after an Android phone restarts.
//
// NEVER COMPILED OR RUN: there is no Android SDK where this was written. The release workflow
// copies this file into the project `tauri android init` generates
// (gen/android/app/src/main/java/org/homegroup/app/) and declares the receiver in the manifest;
// see docs/mobile.md for how to build and try it.
//
// Android forgets every alarm at a restart, and the notification plugin's own boot receiver
// restores only what `batch` stored (Homegroup schedules with `show`, which stores nothing). So
// this receiver re-arms from Homegroup's plan file, the record of what the app handed the phone
// (`reminder-plan.json`, written by ReminderPlan::write in the core). It applies the rule of
// `ReminderPlan::after_reboot` (core/src/reminders/phone.rs; its Rust reference is
// `after_boot` in src-tauri/src/reminders/mobile.rs, which is tested):
// - due after now: armed again;
// - due before the phone went off: the phone showed it then;
// - due while the phone was off: shown now if its meeting has not started (a milestone: its day
//   has not ended; the nudge: always), else dropped as stale;
// - when the shutdown time is not known, nothing past due is shown late.
// What it shows is noted in the file (`fired`, `fired_milestones`), as the app does.

package org.homegroup.app

import android.annotation.SuppressLint
import android.app.AlarmManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.os.Build
import android.os.UserManager
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import org.json.JSONArray
import org.json.JSONObject
import java.io.File

/** The plan file and the shutdown time, in the app's data folder (Tauri's `app_data_dir`). */
class PlanFile(private val context: Context) {
  private val plan = File(context.dataDir, "reminder-plan.json")
  private val offSince = File(context.dataDir, "phone-off-since")

  fun read(): JSONObject? = if (plan.exists()) JSONObject(plan.readText()) else null

  /** Written whole, then renamed over the old file, as the app writes it. */
  fun write(json: JSONObject) {
    val temporary = File(plan.parentFile, plan.name + ".boot")
    temporary.writeText(json.toString())
    temporary.renameTo(plan)
  }

  fun noteShutdown(nowSeconds: Long) = offSince.writeText(nowSeconds.toString())

  /** When the phone went off, if the shutdown receiver caught it; read once. */
  fun takeShutdownTime(): Long? {
    val seconds = if (offSince.exists()) offSince.readText().trim().toLongOrNull() else null
    offSince.delete()
    return seconds
  }
}

/** One notification of the plan (a PlannedNotification in the core). */
class Planned(val json: JSONObject) {
  val id = json.getInt("id")
  val meetingId: Long? = if (json.isNull("meeting_id")) null else json.getLong("meeting_id")
  val startsAt: Long? = if (json.isNull("starts_at")) null else json.getLong("starts_at")
  val milestone: JSONArray? = json.optJSONArray("milestone")
  val dueAt = json.getLong("due_at")
  val title: String = json.getString("title")
  val body: String = json.getString("body")

  /** PlannedNotification::fires_at: due, and its meeting not started (a minute's grace at 0). */
  fun firesAt(now: Long): Boolean {
    val ends = startsAt?.let { if (it == dueAt) it + 60 else it } ?: Long.MAX_VALUE
    return dueAt <= now && now < ends
  }

  /** The key ReminderPlan::mark_fired notes: the milestone, or (meeting, start), or (0, due). */
  fun firedKey(): Pair<String, JSONArray> = when {
    milestone != null -> "fired_milestones" to milestone
    meetingId != null && startsAt != null -> "fired" to JSONArray().put(meetingId).put(startsAt)
    else -> "fired" to JSONArray().put(0L).put(dueAt)
  }
}

fun wasShown(plan: JSONObject, item: Planned): Boolean {
  val (field, key) = item.firedKey()
  val shown = plan.optJSONArray(field) ?: return false
  return (0 until shown.length()).any { shown.getJSONArray(it).toString() == key.toString() }
}

fun markShown(plan: JSONObject, item: Planned) {
  val (field, key) = item.firedKey()
  if (!plan.has(field)) plan.put(field, JSONArray())
  if (!wasShown(plan, item)) plan.getJSONArray(field).put(key)
}

class BootReceiver : BroadcastReceiver() {
  override fun onReceive(context: Context, intent: Intent) {
    if (intent.action != Intent.ACTION_BOOT_COMPLETED && intent.action != Intent.ACTION_LOCKED_BOOT_COMPLETED) return
    // The plan is in credential-encrypted storage: unreadable until the user first unlocks the
    // phone, after which BOOT_COMPLETED comes.
    val users = context.getSystemService(UserManager::class.java)
    if (users != null && !users.isUserUnlocked) return

    val file = PlanFile(context)
    val offSince = file.takeShutdownTime()
    val plan = file.read() ?: return
    val now = System.currentTimeMillis() / 1000
    val items = plan.optJSONArray("items") ?: return
    var shownAny = false
    for (i in 0 until items.length()) {
      val item = Planned(items.getJSONObject(i))
      when {
        wasShown(plan, item) -> {}
        item.dueAt > now -> arm(context, item)
        item.dueAt < (offSince ?: now) -> {} // due before the phone went off: shown then
        item.firesAt(now) -> {
          show(context, item)
          markShown(plan, item)
          shownAny = true
        }
        else -> {} // stale: its meeting has started
      }
    }
    if (shownAny) file.write(plan)
  }
}

/** Notes when the phone goes off. Since Android 9 ACTION_SHUTDOWN reaches only receivers
 *  registered in code, so PhonePlugin registers this one while the app's process is alive. */
class ShutdownReceiver : BroadcastReceiver() {
  override fun onReceive(context: Context, intent: Intent) {
    if (intent.action == Intent.ACTION_SHUTDOWN) PlanFile(context).noteShutdown(System.currentTimeMillis() / 1000)
  }
}

// After a restart Homegroup cannot know the Discreet setting or the lock without the app, so what
// this receiver posts goes to the discreet channel (not on the lock screen). Its texts are the
// plan's, discreet whenever the setting or the lock said so when it was made.
private const val CHANNEL = "discreet"

private fun build(context: Context, item: Planned): android.app.Notification {
  val open = context.packageManager.getLaunchIntentForPackage(context.packageName)
  val tap = PendingIntent.getActivity(context, item.id, open, PendingIntent.FLAG_IMMUTABLE)
  return NotificationCompat.Builder(context, CHANNEL)
    .setSmallIcon(android.R.drawable.ic_dialog_info) // the plugin's default icon, so both look alike
    .setContentTitle(item.title)
    .setContentText(item.body)
    .setVisibility(NotificationCompat.VISIBILITY_SECRET)
    .setContentIntent(tap)
    .setAutoCancel(true)
    .build()
}

@SuppressLint("MissingPermission") // checked: areNotificationsEnabled() is false without it
private fun show(context: Context, item: Planned) {
  val manager = NotificationManagerCompat.from(context)
  if (manager.areNotificationsEnabled()) manager.notify(item.id, build(context, item))
}

/** Armed through the plugin's own publisher, with the id as request code, so the app's later
 *  `cancel(id)` (the plugin's) also cancels what this receiver armed. Exact only when allowed. */
@SuppressLint("ScheduleExactAlarm", "MissingPermission") // checked in exactAlarmsAllowed()
private fun arm(context: Context, item: Planned) {
  val intent = Intent().setClassName(context, "app.tauri.notification.TimedNotificationPublisher")
    .putExtra("NotificationId", item.id)
    .putExtra("NotificationPublisher.notification", build(context, item))
  var flags = PendingIntent.FLAG_CANCEL_CURRENT
  if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) flags = flags or PendingIntent.FLAG_MUTABLE
  val pending = PendingIntent.getBroadcast(context, item.id, intent, flags)
  val alarms = context.getSystemService(AlarmManager::class.java)
  val at = item.dueAt * 1000
  if (exactAlarmsAllowed(context)) {
    alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending)
  } else {
    alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending) // may come late
  }
}
