/** Rule 2: the office's review 审查立案 with its five outcomes, and the gap-free proposal number. */
package cn.cppcc.proposals.review;
