"""Optical character recognition: the engines, the page jobs and the worker process they run in.

Every engine's models ship inside an installed package (rapidocr's wheel) or the system's
packages (Tesseract's ``chi_sim``): nothing is downloaded when the program runs.
"""
