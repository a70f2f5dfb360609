"""Data files shipped with xzannot: label schema, fonts, translations and the sample yearbook."""
