//! The desktop's own interface font, named to the page (a `<meta>` the first page carries). The
//! page would otherwise ask for `system-ui`, which WebKitGTK resolves to this same font but takes
//! longer over: the first screen's layout took about 10 ms more with `system-ui` than with the
//! font named (startup-timeline, debug shell, 25 and 30 launches). Phones and pages served
//! without it keep `system-ui`.

/// The family of GTK's interface font ("Cantarell" of "Cantarell 11"), the setting WebKitGTK reads
/// for `system-ui`; `None` when GTK has none. On the main thread, once GTK has started.
#[cfg(target_os = "linux")]
pub fn family() -> Option<String> {
    use gtk::prelude::*;
    let name = gtk::Settings::default()?.gtk_font_name()?;
    let family = gtk::pango::FontDescription::from_string(&name).family()?;
    let family = family.trim();
    (!family.is_empty()).then(|| family.to_owned())
}

#[cfg(not(target_os = "linux"))]
pub fn family() -> Option<String> {
    None
}
