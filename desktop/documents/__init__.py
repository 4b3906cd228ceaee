"""Documents Resursi produces: acts, labels and reports as PDF (reportlab), QR codes (segno).

Qt-free, like the core. Fonts are embedded from ``fonts/`` (DejaVu Sans, which covers
ā č ē ģ ī ķ ļ ņ š ū ž) so a PDF renders the same on every machine.
"""
