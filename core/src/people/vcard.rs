//! Reading contacts from a vCard file (being written).
