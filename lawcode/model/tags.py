"""Element names of the provision hierarchy, shared by the walk, the layout and the provision classes.

Kept in one small module so that :mod:`lawcode.model.layout`, :mod:`lawcode.model.provision` and
:mod:`lawcode.model.index` agree on what a provision is without importing each other.
"""

from __future__ import annotations

__all__ = [
    "CONTAINER_TAGS",
    "SUBITEM_TAGS",
    "APPENDIX_TAGS",
    "PROVISION_TAGS",
    "PROVISION_TAG_SET",
    "TITLE_OF",
    "SENTENCE_OF",
    "TAG_OF_UNIT",
    "CONTAINER_OF_UNIT",
    "UNIT_OF_TAG",
]

#: 編・章・節・款・目, outermost first.
CONTAINER_TAGS = ("Part", "Chapter", "Section", "Subsection", "Division")
#: The counter word (単位語) a number is printed with → the element it numbers: 第三章 is a Chapter, 第五条 an Article.
TAG_OF_UNIT: dict[str, str] = {"編": "Part", "章": "Chapter", "節": "Section", "款": "Subsection", "目": "Division",
                               "条": "Article", "項": "Paragraph", "号": "Item"}
#: The counter words of the 編章節款目 containers only.
CONTAINER_OF_UNIT: dict[str, str] = {unit: tag for unit, tag in TAG_OF_UNIT.items() if tag in CONTAINER_TAGS}
#: Element → its counter word (Article → 条).
UNIT_OF_TAG: dict[str, str] = {tag: unit for unit, tag in TAG_OF_UNIT.items()}
#: 号の細分, Subitem1 (イ) to Subitem10.
SUBITEM_TAGS = tuple(f"Subitem{i}" for i in range(1, 11))
#: 別表・別記・様式・書式・別図・付録, and their 附則 counterparts.
APPENDIX_TAGS = (
    "AppdxTable",
    "AppdxNote",
    "AppdxStyle",
    "AppdxFormat",
    "AppdxFig",
    "Appdx",
    "SupplProvisionAppdxTable",
    "SupplProvisionAppdxStyle",
    "SupplProvisionAppdx",
)
#: Every element kind that is an addressable provision.
PROVISION_TAGS = (
    ("TOC", "Preamble", "MainProvision", "SupplProvision", "Article", "Paragraph", "Item", "Class")
    + CONTAINER_TAGS
    + SUBITEM_TAGS
    + APPENDIX_TAGS
)
#: The names of :data:`PROVISION_TAGS` as a frozenset, for membership tests in hot loops. (Its value is not
#: shown: the API page lists the names once, in their schema order, under :data:`PROVISION_TAGS`.)
#:
#: :meta hide-value:
PROVISION_TAG_SET = frozenset(PROVISION_TAGS)

#: The element holding each provision kind's printed number or title (ArticleTitle, ParagraphNum, ItemTitle …).
TITLE_OF: dict[str, str] = {
    "Article": "ArticleTitle",
    "Paragraph": "ParagraphNum",
    "Item": "ItemTitle",
    "Class": "ClassTitle",
    "Part": "PartTitle",
    "Chapter": "ChapterTitle",
    "Section": "SectionTitle",
    "Subsection": "SubsectionTitle",
    "Division": "DivisionTitle",
    "SupplProvision": "SupplProvisionLabel",
    "TOC": "TOCLabel",
    "AppdxTable": "AppdxTableTitle",
    "AppdxNote": "AppdxNoteTitle",
    "AppdxStyle": "AppdxStyleTitle",
    "AppdxFormat": "AppdxFormatTitle",
    "AppdxFig": "AppdxFigTitle",
    "Appdx": "ArithFormulaNum",
    "SupplProvisionAppdxTable": "SupplProvisionAppdxTableTitle",
    "SupplProvisionAppdxStyle": "SupplProvisionAppdxStyleTitle",
    "SupplProvisionAppdx": "ArithFormulaNum",
}
#: The sentence group (柱書) of each numbered provision kind.
SENTENCE_OF: dict[str, str] = {"Paragraph": "ParagraphSentence", "Item": "ItemSentence", "Class": "ClassSentence"}
for _i in range(1, 11):
    TITLE_OF[f"Subitem{_i}"] = f"Subitem{_i}Title"
    SENTENCE_OF[f"Subitem{_i}"] = f"Subitem{_i}Sentence"
