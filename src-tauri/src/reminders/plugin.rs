//! [`PhoneScheduler`] over Tauri's notification plugin (2.8.0, the version in Cargo.lock), and the
//! small Android plugin of Homegroup's own for exact alarms (`src-tauri/mobile/android/`).
//!
//! NEVER COMPILED OR RUN: this file is built only for Android and iOS, and the machines this was
//! written on have neither target (no NDK, no Xcode). It was written against the plugin's source
//! (`src/mobile.rs`, `src/models.rs` of tauri-plugin-notification 2.8.0) and checked by reading only;
//! expect small fixes at the first `tauri android build` / `tauri ios build` (docs/mobile.md).
//! It holds no decisions: every one is in `mobile.rs`, which is compiled and tested on Linux.

#[cfg(target_os = "android")]
use super::mobile::LockScreen;
use super::mobile::{self, ChannelSpec, Handed, Permission, PhoneNotification, PhoneProblem, PhoneScheduler};
use crate::state::AppState;
use homegroup_core::reminders::phone::Platform;
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use tauri::plugin::{PermissionState, PluginHandle};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::{NotificationExt, Schedule};

/// The platform this build runs on.
pub fn platform() -> Platform {
    if cfg!(target_os = "ios") {
        Platform::Ios
    } else {
        Platform::Android
    }
}

/// The notification plugin, and on Android Homegroup's own `PhonePlugin` (exact alarms).
pub struct PluginScheduler<R: Runtime> {
    /// The notification plugin is reached through the app (`app.notification()`).
    app: AppHandle<R>,
    phone: Option<PluginHandle<R>>,
}

#[derive(serde::Deserialize)]
struct ExactAlarms {
    allowed: bool,
}

impl<R: Runtime> PhoneScheduler for PluginScheduler<R> {
    fn schedule(&self, n: &PhoneNotification) -> Result<(), String> {
        let date = time::OffsetDateTime::from_unix_timestamp(n.at.timestamp()).map_err(|e| e.to_string())?;
        let mut builder = self
            .app
            .notification()
            .builder()
            .id(n.id)
            .title(n.title.clone())
            .body(n.body.clone())
            // One-shot: `repeating` would repeat at the interval between now and `date`.
            .schedule(Schedule::At { date, repeating: false, allow_while_idle: true });
        if let Some(channel) = n.channel {
            builder = builder.channel_id(channel);
        }
        builder.show().map_err(|e| e.to_string())
    }

    fn cancel(&self, ids: &[i32]) -> Result<(), String> {
        self.app.notification().cancel(ids.to_vec()).map_err(|e| e.to_string())
    }

    fn permission(&self) -> Result<Permission, String> {
        self.app.notification().permission_state().map(permission).map_err(|e| e.to_string())
    }

    fn request_permission(&self) -> Result<Permission, String> {
        self.app.notification().request_permission().map(permission).map_err(|e| e.to_string())
    }

    fn exact_alarms_allowed(&self) -> bool {
        match &self.phone {
            // Unknown counts as allowed: the notice in Settings is only for a known refusal.
            Some(phone) => phone.run_mobile_plugin::<ExactAlarms>("exactAlarms", ()).map_or(true, |a| a.allowed),
            None => true,
        }
    }

    fn open_exact_alarm_settings(&self) -> Result<(), String> {
        match &self.phone {
            Some(phone) => phone.run_mobile_plugin::<()>("openExactAlarmSettings", ()).map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }

    #[cfg(target_os = "android")]
    fn create_channels(&self, channels: &[ChannelSpec]) -> Result<(), String> {
        use tauri_plugin_notification::{Channel, Importance, Visibility};
        for spec in channels {
            let visibility = match spec.lock_screen {
                LockScreen::Private => Visibility::Private,
                LockScreen::Secret => Visibility::Secret,
            };
            let channel = Channel::builder(spec.id, spec.name.clone())
                .importance(Importance::Default)
                .vibration(true)
                .visibility(visibility)
                .build();
            self.app.notification().create_channel(channel).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    #[cfg(not(target_os = "android"))]
    fn create_channels(&self, channels: &[ChannelSpec]) -> Result<(), String> {
        let _ = channels; // iOS has no channels
        Ok(())
    }
}

fn permission(state: PermissionState) -> Permission {
    match state {
        PermissionState::Granted => Permission::Granted,
        PermissionState::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

/// Homegroup's own Android plugin (`PhonePlugin.kt`, copied into the generated project by the
/// release workflow): `exactAlarms` and `openExactAlarmSettings`, and the shutdown receiver.
pub fn phone_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("homegroup-phone")
        .setup(|app, api| {
            #[cfg(target_os = "android")]
            {
                let handle = api.register_android_plugin("org.homegroup.app", "PhonePlugin")?;
                app.manage(PhonePluginHandle(handle));
            }
            #[cfg(not(target_os = "android"))]
            let _ = (app, api);
            Ok(())
        })
        .build()
}

/// The handle to `PhonePlugin`, kept in the app's state (Android only).
pub struct PhonePluginHandle<R: Runtime>(pub PluginHandle<R>);

/// Attaches the plugin scheduler to the app's state and starts the reminder thread, which plans
/// at once and again at every wake (every change, every resume).
pub fn start<R: Runtime>(app: &AppHandle<R>, wakes: Receiver<()>) {
    let phone = app.try_state::<PhonePluginHandle<R>>().map(|h| h.0.clone());
    let scheduler = PluginScheduler { app: app.clone(), phone };
    let state = app.state::<AppState>().inner().clone();
    state.attach_phone(Arc::new(scheduler));
    mobile::spawn_loop(state, platform(), wakes);
}

/// Plans and hands over now, on the calling thread (what the old `schedule_upcoming` did; the
/// thread started by [`start`] does the same at every wake).
#[allow(dead_code)]
pub fn schedule_upcoming<R: Runtime>(app: &AppHandle<R>) -> Result<Handed, PhoneProblem> {
    let state = app.state::<AppState>();
    mobile::replan_app(&state, platform()).unwrap_or(Ok(Handed::default()))
}
