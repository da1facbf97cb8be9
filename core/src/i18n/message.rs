//! A text of the catalogue with its arguments, kept to be worded later in whichever language asks:
//! an error is made once and shown in English on the command line and in logs, and in the user's
//! language in the app.

use super::{text, FluentValue, Locale};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// A text of the catalogue (`core/i18n/*.ftl`) and its arguments, not yet worded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Message {
    /// Its id in the catalogues.
    pub key: &'static str,
    /// Its arguments, by the names its placeholders use (`{ $max }` is `max`).
    pub args: BTreeMap<&'static str, Arg>,
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum Arg {
    /// A count or a number, which also chooses the plural ("1 minute", "5 minutes").
    Number(i64),
    /// Text shown as it is: a name, a value from a file, a date in `YYYY-MM-DD`.
    Text(String),
    /// Another text of the catalogue, worded in the same language: a field's name in a message
    /// about it, or a reason inside a longer message.
    Message(Box<Message>),
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message { key, args: BTreeMap::new() }
    }

    /// The message with the argument `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.insert(name, value.into());
        self
    }

    /// The message worded in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let args: Vec<(&str, FluentValue)> = self.args.iter().map(|(name, arg)| (*name, arg.value(locale))).collect();
        text(locale, self.key, &args)
    }

    /// The message in English, as the command line and logs show it.
    pub fn english(&self) -> String {
        self.render(Locale::En)
    }
}

impl Arg {
    fn value(&self, locale: Locale) -> FluentValue<'_> {
        match self {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Message(message) => FluentValue::from(message.render(locale)),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

macro_rules! numbers {
    ($convert:expr => $($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(n: $number) -> Arg {
                Arg::Number($convert(n))
            }
        }
    )*};
}

numbers!(i64::from => i64, i32, u8, u16, u32);
numbers!(|n| i64::try_from(n).unwrap_or(i64::MAX) => u64, usize);
