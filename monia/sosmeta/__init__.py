"""National structures (Sosmeta): every document Monia records, also as an instance of
THL's national definition, validated against its JSON Schema. ``build.build(obj)`` is the
one entry; ``schemas`` reads and validates the definitions."""
