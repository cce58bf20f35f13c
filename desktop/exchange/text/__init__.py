"""Text import: reports as pasted text, .txt, .docx (and text-layer PDF) into projects."""
