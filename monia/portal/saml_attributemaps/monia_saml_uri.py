"""SAML attribute names (NameFormat uri) of Suomi.fi e-identification -> friendly names.

pysaml2 drops an attribute it has no map for (allow_unknown_attributes is off), so the
identity code's OID must be here. Loaded by pysaml2 from this directory by file name,
hence the distinctive module name.
"""

MAP = {
    "identifier": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
    "fro": {
        "urn:oid:1.2.246.21": "nationalIdentificationNumber",
        "urn:oid:2.5.4.42": "givenName",
        "urn:oid:2.5.4.4": "sn",
        "urn:oid:2.5.4.3": "cn",
        "urn:oid:2.16.840.1.113730.3.1.241": "displayName",
    },
    "to": {
        "nationalIdentificationNumber": "urn:oid:1.2.246.21",
        "givenName": "urn:oid:2.5.4.42",
        "sn": "urn:oid:2.5.4.4",
        "cn": "urn:oid:2.5.4.3",
        "displayName": "urn:oid:2.16.840.1.113730.3.1.241",
    },
}
