"""Rule packs: YAML rule definitions, validated and compiled into an immutable RuleSet."""
