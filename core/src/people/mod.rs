//! My people: a phone list kept on this device.

pub mod vcard;
