//! `dlq replay --id ID…`: which messages a replay may touch. An id is a message id or its
//! start (the eight characters `dlq list` shows), as `dlq show` takes it; each id chooses the
//! first message found that it names, and an id that named none is reported.

/// The ids asked for, and which of them a received message has matched.
#[derive(Debug, Default)]
pub struct Chosen {
    ids: Vec<(String, bool)>,
}

impl Chosen {
    /// Choose the messages `ids` name; no ids chooses every message.
    pub fn new(ids: &[String]) -> Chosen {
        Chosen {
            ids: ids.iter().map(|id| (id.clone(), false)).collect(),
        }
    }

    /// Whether only some messages are chosen.
    pub fn is_some(&self) -> bool {
        !self.ids.is_empty()
    }

    /// Whether the message `message_id` is chosen; the ids naming it count as found.
    pub fn take(&mut self, message_id: &str) -> bool {
        if self.ids.is_empty() {
            return true;
        }
        let mut chosen = false;
        for (id, found) in &mut self.ids {
            if !*found && !id.is_empty() && message_id.starts_with(id.as_str()) {
                *found = true;
                chosen = true;
            }
        }
        chosen
    }

    /// Whether every id has found its message (the search can stop).
    pub fn all_found(&self) -> bool {
        self.is_some() && self.ids.iter().all(|(_, found)| *found)
    }

    /// The ids no message matched.
    pub fn not_found(&self) -> Vec<String> {
        self.ids
            .iter()
            .filter(|(_, found)| !found)
            .map(|(id, _)| id.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_or_its_start_chooses_one_message() {
        let mut c = Chosen::new(&["4b87".into(), "9f00aa".into()]);
        assert!(!c.take("1234"));
        assert!(c.take("4b87e1"));
        assert!(!c.take("4b87e2"), "the id found its message already");
        assert!(!c.all_found());
        assert_eq!(c.not_found(), ["9f00aa"]);
        assert!(c.take("9f00aa"));
        assert!(c.all_found());
    }

    #[test]
    fn no_ids_choose_every_message() {
        let mut c = Chosen::new(&[]);
        assert!(c.take("anything") && !c.all_found() && c.not_found().is_empty());
    }
}
