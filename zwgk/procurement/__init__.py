"""Procurement and tendering (Art. 23): the logistics department (警保部, reference code
``logistics``) keeps each procurement project as structured data through its stages (notice,
result, contract, performance and acceptance) and the bad-credit records of suppliers and tender
agencies, and publishes them in the portal's sections 政府采购 (``procurement``) and 采购诚信
(``procurement_credit``, channel 政务诚信).

Why through the catalog: every public word of the department passes content and secrecy review
before it is published (Art. 4) and is then numbered, listed in its section, rendered into the
static tree and guarded against tampering (Art. 40). The catalog already does all of that, so each
stage that is to be published becomes a catalog entry drafted in its section from the structured
data and submitted for review at once; the department head reviews and publishes it as any other
entry. The structured data stays here (amounts, dates, supplier, credit code), the entry is its
public text, linked from the stage. Structured public pages would have bypassed the review.
"""
