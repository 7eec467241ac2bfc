package jp.kenpo.privacy.web;

/** Who may do what. */
public enum Role {
    /** Keeps the catalog, runs provisions and releases, and everything a clerk does. */
    PRIVACY_OFFICER,
    /** 事務担当: records consent events, imports and reads members, asks for decisions. */
    CLERK,
    /** Reads records and the trail; changes nothing. */
    AUDITOR,
    /** Another system of the society: decisions only. */
    SYSTEM
}
