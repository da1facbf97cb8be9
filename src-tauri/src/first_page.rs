//! Serves the app's page with the first screen's data in it (the core's `first_page`): the page
//! draws its first screen as it starts, instead of asking the shell and waiting. While locked it
//! carries only the lock's state, as the `first_screen` command would. On a Linux desktop the page
//! also names the desktop's font (see `desktop_font`).
//!
//! The first page's data is read as the app starts, on a thread of its own, while the window and
//! the webview's processes start (over 100 ms); the page is then served without waiting for the
//! store. A later page (a reload, after locking say) is read when it is asked for, so it carries
//! what is true then.

use crate::state::AppState;
use homegroup_core::overview::FirstScreen;
use homegroup_core::{first_page, Error, Result};
use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{Assets, Context, Runtime};

/// The app's page, as built into the binary.
const PAGE: &str = "/index.html";

/// The first page's data and when it was read.
type ReadAhead = (Instant, Result<FirstScreen>);

/// Data read ahead for the first page is used only this soon after it was read.
const FRESH_FOR: Duration = Duration::from_secs(2);

/// The built-in assets, with the page served with the first screen's data.
struct PageWithFirstScreen<R: Runtime> {
    built_in: Box<dyn Assets<R>>,
    state: AppState,
    /// The first page's data, being read ahead; taken by the first page served.
    read_ahead: Mutex<Option<JoinHandle<ReadAhead>>>,
    /// The desktop's font family, once the shell has read it (see `desktop_font`).
    desktop_font: DesktopFont,
}

/// Where the shell puts the desktop's font family for the pages it serves, once GTK can tell it.
pub type DesktopFont = Arc<OnceLock<String>>;

impl<R: Runtime> PageWithFirstScreen<R> {
    /// The data read ahead, if it is still fresh; else a fresh read.
    fn first_screen(&self) -> Result<FirstScreen> {
        let ahead = self.read_ahead.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        match ahead.and_then(|thread| thread.join().ok()) {
            Some((read_at, first)) if read_at.elapsed() < FRESH_FOR => first,
            _ => self.state.first_screen(true),
        }
    }
}

impl<R: Runtime> Assets<R> for PageWithFirstScreen<R> {
    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        let asset = self.built_in.get(key)?;
        if key.as_ref() != PAGE {
            return Some(asset);
        }
        let with_data = std::str::from_utf8(&asset)
            .map_err(|e| Error::Data(e.to_string()))
            .and_then(|page| match self.desktop_font.get() {
                Some(family) => first_page::with_meta(page, first_page::DESKTOP_FONT, family),
                None => Ok(page.to_owned()),
            })
            .and_then(|page| first_page::with_data(&page, &self.first_screen()?));
        crate::test_hooks::mark("shell: page served");
        match with_data {
            Ok(page) => Some(Cow::Owned(page.into_bytes())),
            // The page goes as built, and asks for its data itself.
            Err(problem) => {
                eprintln!("homegroup: the first screen's data could not go with the page: {:?}", problem.kind());
                Some(asset)
            }
        }
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.built_in.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        self.built_in.csp_hashes(html_path)
    }
}

/// Stands in for the built-in assets for the moment it takes to wrap them.
struct NoAssets;

impl<R: Runtime> Assets<R> for NoAssets {
    fn get(&self, _key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

/// Makes `context` serve the page with the first screen's data read from `state`, and starts
/// reading the first page's. The page names the desktop's font once it is put in the answer.
pub fn serve_with_first_screen<R: Runtime>(context: &mut Context<R>, state: AppState) -> DesktopFont {
    let reader = state.clone();
    let read_ahead = std::thread::Builder::new()
        .name("first screen".into())
        .spawn(move || {
            let first = reader.first_screen(true);
            (Instant::now(), first)
        })
        .ok();
    let built_in = context.set_assets(Box::new(NoAssets));
    let desktop_font = DesktopFont::default();
    context.set_assets(Box::new(PageWithFirstScreen {
        built_in,
        state,
        read_ahead: Mutex::new(read_ahead),
        desktop_font: desktop_font.clone(),
    }));
    desktop_font
}

#[cfg(test)]
mod tests {
    use super::*;
    use homegroup_core::lock::{KdfParams, SecretKind};
    use tauri::test::MockRuntime;

    /// The built-in assets: the page and its script.
    struct BuiltIn;

    impl Assets<MockRuntime> for BuiltIn {
        fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
            match key.as_ref() {
                "/index.html" => {
                    Some(Cow::Borrowed(b"<html><head><title>Homegroup</title></head><body></body></html>"))
                }
                "/assets/index.js" => Some(Cow::Borrowed(b"mount();")),
                _ => None,
            }
        }

        fn iter(&self) -> Box<AssetsIter<'_>> {
            Box::new(std::iter::empty())
        }

        fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
            Box::new(std::iter::empty())
        }
    }

    fn served(state: &AppState, path: &str) -> String {
        served_with_font(state, path, DesktopFont::default())
    }

    fn served_with_font(state: &AppState, path: &str, desktop_font: DesktopFont) -> String {
        let assets = PageWithFirstScreen::<MockRuntime> {
            built_in: Box::new(BuiltIn),
            state: state.clone(),
            read_ahead: Mutex::new(None),
            desktop_font,
        };
        String::from_utf8(assets.get(&path.into()).expect("the asset is there").into_owned()).expect("text")
    }

    #[test]
    fn the_page_carries_the_first_screen_and_none_of_the_data_while_locked() {
        let dir = tempfile::tempdir().unwrap();
        let (wake, _wakes) = std::sync::mpsc::sync_channel(1);
        let state = AppState::open_with(dir.path().to_owned(), wake, KdfParams::FOR_TESTS).unwrap();

        let page = served(&state, "/index.html");
        assert!(page.contains(r#"<script type="application/json" id="first-screen">"#), "{page}");
        assert!(page.contains(r#""locked":false"#) && page.contains(r#""scheduled_meetings":0"#), "{page}");
        assert_eq!(served(&state, "/assets/index.js"), "mount();", "other assets go as built");

        tauri::async_runtime::block_on(state.turn_lock_on("246810".into(), SecretKind::Pin, false)).unwrap();
        state.lock_now().unwrap();
        let page = served(&state, "/index.html");
        assert!(page.contains(r#""locked":true"#), "{page}");
        assert!(page.contains(r#""settings":null"#) && page.contains(r#""today":null"#), "{page}");
        assert!(!page.contains("scheduled_meetings"), "{page}");
    }

    #[test]
    fn the_page_names_the_desktops_font_once_the_shell_has_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let (wake, _wakes) = std::sync::mpsc::sync_channel(1);
        let state = AppState::open_with(dir.path().to_owned(), wake, KdfParams::FOR_TESTS).unwrap();
        let font = DesktopFont::default();
        assert!(!served_with_font(&state, "/index.html", font.clone()).contains("desktop-font"));
        font.set("Cantarell".into()).unwrap();
        let page = served_with_font(&state, "/index.html", font);
        assert!(page.contains(r#"<meta name="desktop-font" content="Cantarell">"#), "{page}");
        assert!(page.contains(r#"id="first-screen""#), "the data goes with it: {page}");
    }
}
