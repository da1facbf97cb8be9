//! Closing the app's window the way a window manager's close button does, with no window manager:
//! the X11 `WM_DELETE_WINDOW` message, sent straight to the window. GTK turns it into a close
//! request, which Homegroup answers by hiding to the tray. (The window's own `close` is not among
//! the permissions the page has, so a test cannot ask the page to do it.)

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, Window};
use x11rb::rust_connection::RustConnection;

/// Sends `WM_DELETE_WINDOW` to the top-level window titled `title` on `display` (such as ":101").
pub fn request_close(display: &str, title: &str) {
    assert!(try_request_close(display, title), "no top-level window titled {title:?} on {display}");
}

/// Sends `WM_DELETE_WINDOW` as [`request_close`] does; `false` when no such window is shown (it
/// may have closed since the caller last looked).
pub fn try_request_close(display: &str, title: &str) -> bool {
    let Ok((connection, screen)) = x11rb::connect(Some(display)) else { return false };
    let root = connection.setup().roots[screen].root;
    let Some(window) = find_by_title(&connection, root, title) else { return false };
    let protocols = atom(&connection, "WM_PROTOCOLS");
    let delete = atom(&connection, "WM_DELETE_WINDOW");
    let message = ClientMessageEvent::new(32, window, protocols, [delete, x11rb::CURRENT_TIME, 0, 0, 0]);
    connection.send_event(false, window, EventMask::NO_EVENT, message).expect("send WM_DELETE_WINDOW");
    connection.flush().expect("flush the X connection");
    true
}

/// Asks the window titled `title` to close, as [`request_close`] does, and again every 3 s until
/// `closed` says it has (under load, the first request can come before GTK handles close
/// requests); panics after 20 s.
pub async fn close_until<F, Fut>(display: &str, title: &str, mut closed: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = std::time::Instant::now();
    let mut asked: Option<std::time::Instant> = None;
    loop {
        if asked.is_none_or(|at| at.elapsed().as_secs() >= 3) {
            try_request_close(display, title);
            asked = Some(std::time::Instant::now());
        }
        if closed().await {
            return;
        }
        assert!(start.elapsed().as_secs() < 20, "the window {title:?} did not close when asked");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Whether a top-level window titled `title` is on `display` now.
pub fn is_shown(display: &str, title: &str) -> bool {
    let Ok((connection, screen)) = x11rb::connect(Some(display)) else { return false };
    let root = connection.setup().roots[screen].root;
    find_by_title(&connection, root, title).is_some()
}

fn atom(connection: &RustConnection, name: &str) -> u32 {
    connection.intern_atom(false, name.as_bytes()).expect("intern atom").reply().expect("atom reply").atom
}

fn find_by_title(connection: &RustConnection, root: Window, title: &str) -> Option<Window> {
    let utf8 = atom(connection, "UTF8_STRING");
    let net_wm_name = atom(connection, "_NET_WM_NAME");
    let children = connection.query_tree(root).ok()?.reply().ok()?.children;
    children.into_iter().find(|&window| {
        [(net_wm_name, utf8), (AtomEnum::WM_NAME.into(), AtomEnum::STRING.into())].into_iter().any(
            |(property, kind)| {
                connection
                    .get_property(false, window, property, kind, 0, 256)
                    .ok()
                    .and_then(|cookie| cookie.reply().ok())
                    .is_some_and(|reply| reply.value == title.as_bytes())
            },
        )
    })
}
