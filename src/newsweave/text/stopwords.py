"""English stop words: function words that carry no topic, plus reporting verbs ("said").

Reporting verbs are in the list because every news sentence has them; counting them would make
any two quotes look alike.
"""

STOP_WORDS: frozenset[str] = frozenset(
    (
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "all",
        "almost", "alone", "along", "already", "also", "although", "always", "am", "among",
        "amongst", "an", "and", "another", "any", "anyhow", "anyone", "anything", "anyway",
        "anywhere", "are", "aren", "around", "as", "at", "back", "be", "became", "because",
        "become", "becomes", "becoming", "been", "before", "beforehand", "behind", "being",
        "below", "beside", "besides", "between", "beyond", "both", "but", "by", "can",
        "cannot", "could", "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don",
        "done", "down", "during", "each", "either", "else", "elsewhere", "enough", "etc",
        "even", "ever", "every", "everyone", "everything", "everywhere", "except", "few",
        "for", "former", "formerly", "from", "further", "had", "hadn", "has", "hasn", "have",
        "haven", "having", "he", "hence", "her", "here", "hereafter", "hereby", "herein",
        "hereupon", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
        "in", "indeed", "into", "is", "isn", "it", "its", "itself", "just", "last", "latter",
        "latterly", "least", "less", "ll", "m", "many", "may", "me", "meanwhile", "might",
        "mine", "more", "moreover", "most", "mostly", "much", "must", "my", "myself", "namely",
        "neither", "never", "nevertheless", "next", "no", "nobody", "none", "noone", "nor",
        "not", "nothing", "now", "nowhere", "o", "of", "off", "often", "on", "once", "one",
        "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves",
        "out", "over", "own", "per", "perhaps", "please", "quite", "rather", "re", "s", "said",
        "same", "say", "says", "seem", "seemed", "seeming", "seems", "several", "she",
        "should", "shouldn", "since", "so", "some", "somehow", "someone", "something",
        "sometime", "sometimes", "somewhere", "still", "such", "t", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "thence", "there", "thereafter",
        "thereby", "therefore", "therein", "thereupon", "these", "they", "this", "those",
        "though", "through", "throughout", "thru", "thus", "to", "together", "too", "toward",
        "towards", "under", "until", "up", "upon", "us", "ve", "very", "via", "was", "wasn",
        "we", "well", "were", "weren", "what", "whatever", "when", "whence", "whenever",
        "where", "whereafter", "whereas", "whereby", "wherein", "whereupon", "wherever",
        "whether", "which", "while", "whither", "who", "whoever", "whole", "whom", "whose",
        "why", "will", "with", "within", "without", "won", "would", "wouldn", "y", "yet",
        "you", "your", "yours", "yourself", "yourselves",
    )
)
