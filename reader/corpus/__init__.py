"""Reading the corpus: decoding files, boilerplate, sentence segmentation and stable claim ids."""
