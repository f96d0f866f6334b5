//! A configuration folder on disk for the `lsp_*` tests, removed when dropped.

use std::path::PathBuf;

/// A configuration folder on disk, removed when dropped.
pub struct Folder(pub PathBuf);

impl Folder {
    pub fn new(name: &str, files: &[(&str, &str)]) -> Folder {
        let root = std::env::temp_dir().join(format!("dcd-lsp-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Folder(root)
    }
    pub fn uri(&self, path: &str) -> String {
        format!("file://{}", self.0.join(path).display())
    }
    pub fn text(&self, path: &str) -> String {
        std::fs::read_to_string(self.0.join(path)).unwrap()
    }
    pub fn write(&self, path: &str, text: &str) {
        std::fs::write(self.0.join(path), text).unwrap();
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
