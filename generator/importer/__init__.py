"""Import procedures from the national public-service portal (dvcqg) into procedure YAML files.

records (JSON, untrusted) → mapping (official fields + review notes) → merge (with the editor's
file and the previous import's fingerprints) → emit (readable YAML) → staged, validated, swapped.
"""
