"""Records for regulators: DSA statements of reasons (SoR), their submission to the EU
Transparency Database, and transparency-report counts, all derived from the audit log."""
