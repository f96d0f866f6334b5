//! The container's base image: images from the retired repository, and releases too old for
//! VS Code's server. Each rule reads the image through `support::config::base_image`.

pub mod os_too_old;
pub mod repository_retired;
