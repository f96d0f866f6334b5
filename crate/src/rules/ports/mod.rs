//! Forwarded ports (`forwardPorts`, `portsAttributes`) and published ones (`appPort`, `runArgs -p`).

pub mod forward_ports;
pub mod port_published;
