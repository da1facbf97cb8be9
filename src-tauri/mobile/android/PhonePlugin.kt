// Homegroup's small Android plugin: whether exact alarms are allowed, and the system page that
// allows them; it also registers the shutdown receiver (BootReceiver.kt) while the app runs.
//
// NEVER COMPILED OR RUN (no Android SDK where this was written). The release workflow copies it
// into gen/android/app/src/main/java/org/homegroup/app/; src-tauri/src/reminders/plugin.rs
// registers it (`register_android_plugin("org.homegroup.app", "PhonePlugin")`) and calls
// `exactAlarms`. See docs/mobile.md.

package org.homegroup.app

import android.app.Activity
import android.app.AlarmManager
import android.content.Context
import android.content.Intent
import android.content.IntentFilter
import android.net.Uri
import android.os.Build
import android.provider.Settings
import android.webkit.WebView
import androidx.core.content.ContextCompat
import app.tauri.annotation.Command
import app.tauri.annotation.TauriPlugin
import app.tauri.plugin.Invoke
import app.tauri.plugin.JSObject
import app.tauri.plugin.Plugin

/** Android 12+ may refuse exact alarms (14+ refuses them by default to new installs). */
fun exactAlarmsAllowed(context: Context): Boolean =
  Build.VERSION.SDK_INT < Build.VERSION_CODES.S ||
    context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms()

@TauriPlugin
class PhonePlugin(private val activity: Activity) : Plugin(activity) {
  override fun load(webView: WebView) {
    // ACTION_SHUTDOWN reaches only receivers registered in code (Android 9+): caught only when
    // Homegroup's process is alive as the phone goes off. Once per process.
    if (shutdownReceiver == null) {
      val receiver = ShutdownReceiver()
      shutdownReceiver = receiver
      ContextCompat.registerReceiver(
        activity.applicationContext,
        receiver,
        IntentFilter(Intent.ACTION_SHUTDOWN),
        ContextCompat.RECEIVER_NOT_EXPORTED, // the system's broadcasts still arrive
      )
    }
  }

  companion object {
    private var shutdownReceiver: ShutdownReceiver? = null
  }

  @Command
  fun exactAlarms(invoke: Invoke) {
    val answer = JSObject()
    answer.put("allowed", exactAlarmsAllowed(activity))
    invoke.resolve(answer)
  }

  /** Opens "Alarms & reminders" for Homegroup, for the notice in Settings. */
  @Command
  fun openExactAlarmSettings(invoke: Invoke) {
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
      val page = Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:" + activity.packageName))
      activity.startActivity(page)
    }
    invoke.resolve()
  }
}
