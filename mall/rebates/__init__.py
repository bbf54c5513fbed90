"""Rebates (返利模块): DESIGN §3.6.

The computation is pure (no database, framework or network; an import-linter
contract keeps it so) and is the only place rebate amounts are decided:
``terms`` (what a rule and an order line are), ``formulas`` (what each kind
pays on a basis), ``engine`` (scope, priority, stacking, caps, allocation,
recomputation on refund), ``installments`` (the release schedule) and
``validation`` (staff input for a rule).
"""
