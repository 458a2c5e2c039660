/**
 * The weak points of Camunda 7.24 Community Edition, which gets no more security patches, closed
 * by configuration: expressions in ad-hoc queries, the Admin webapp's first-run setup, request
 * sizes, malformed paths, the engine REST APIs' answers to a client's mistakes (a 4xx, never a
 * 500), and the checks a production start makes.
 */
package cn.cppcc.proposals.security;
