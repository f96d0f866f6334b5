//! The sorted map answers as `BTreeMap` does, which it replaces, and the shared sort as `sort_by`.

use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Keys from a small alphabet, so that repeats are common.
fn pairs() -> impl Strategy<Value = Vec<(String, u8)>> {
    prop::collection::vec(("[a-d]{0,2}", any::<u8>()), 0..40)
}

proptest! {
    #[test]
    fn inserting_answers_as_a_btree_map(pairs in pairs(), probes in prop::collection::vec("[a-d]{0,2}", 0..10)) {
        let mut ours = SortedMap::new();
        let mut model = BTreeMap::new();
        for (k, v) in &pairs {
            prop_assert_eq!(ours.insert(k.clone(), *v), model.insert(k.clone(), *v));
        }
        prop_assert_eq!(ours.len(), model.len());
        prop_assert!(ours.iter().eq(model.iter()));
        for p in &probes {
            prop_assert_eq!(ours.get(p.as_str()), model.get(p.as_str()));
            prop_assert_eq!(ours.contains_key(p.as_str()), model.contains_key(p.as_str()));
        }
    }

    #[test]
    fn collecting_keeps_the_last_value_of_a_key(pairs in pairs()) {
        let ours: SortedMap<String, u8> = pairs.iter().cloned().collect();
        let model: BTreeMap<String, u8> = pairs.iter().cloned().collect();
        prop_assert!(ours.iter().eq(model.iter()));
        let owned: Vec<(String, u8)> = ours.into_iter().collect();
        prop_assert_eq!(owned, model.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn the_shared_sort_is_stable(pairs in pairs()) {
        let mut ours = pairs.clone();
        sort_stable_by(&mut ours, &|a, b| a.0.cmp(&b.0));
        let mut model = pairs.clone();
        model.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(&ours, &model);
        let mut by_key = pairs.clone();
        sort_stable_by_key(&mut by_key, |p| p.0.clone());
        prop_assert_eq!(&by_key, &model);
        let mut deduped = pairs;
        sort_dedup(&mut deduped);
        let unique: BTreeSet<(String, u8)> = model.into_iter().collect();
        prop_assert_eq!(deduped, unique.into_iter().collect::<Vec<_>>());
    }
}

#[test]
fn a_map_reads_and_writes_as_a_json_object() {
    let map: SortedMap<String, u8> =
        serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap_or_default();
    assert_eq!(
        map.get("b"),
        Some(&3),
        "the last value of a repeated key wins"
    );
    assert_eq!(
        serde_json::to_string(&map).ok().as_deref(),
        Some(r#"{"a":2,"b":3}"#)
    );
    assert!(serde_json::from_str::<SortedMap<String, u8>>("[1]").is_err());
}

#[test]
fn a_cleared_map_is_empty() {
    let mut map: SortedMap<&str, ()> = [("x", ())].into_iter().collect();
    assert!(!map.is_empty());
    map.clear();
    assert!(map.is_empty());
    assert_eq!(map, SortedMap::default());
}
