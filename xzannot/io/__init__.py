"""Reading and writing files: PDF import and rendering through pdfium, text dumps, resources."""
